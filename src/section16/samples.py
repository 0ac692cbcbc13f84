"""Real filings bundled with the package, for the demo, the docs and a first look.

They are public EDGAR records (Forms 3, 4 and 5 of several schema versions, bare XML and full
submissions), chosen from the project's test corpus.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def directory() -> Path:
    """The folder holding the bundled sample filings."""
    return Path(str(resources.files("section16") / "data" / "samples"))


def paths() -> list[Path]:
    """Every bundled sample filing, sorted by name."""
    d = directory()
    return sorted(p for p in d.rglob("*") if p.is_file() and p.suffix.lower() in (".xml", ".txt", ".nc"))


def path(name: str) -> Path:
    """One bundled sample by file name (e.g. ``0000320193-20-000011.xml``)."""
    for p in paths():
        if p.name == name:
            return p
    raise FileNotFoundError(f"no bundled sample named {name!r}; see section16.samples.paths()")
