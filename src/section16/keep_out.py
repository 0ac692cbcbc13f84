"""Keeping a module out of a process: an import finder that refuses it.

The load's parsing workers read filings and build Arrow tables from Python lists; they never meet a
numpy array or a pandas frame. Yet pyarrow imports numpy as it is imported (~0.15-0.25 s of CPU) and
pandas the first time it converts a list (1-2 s), only to recognise such objects. Those seconds are paid
before the first filing is parsed, on one core while the other waits, so the workers keep both out.
"""

from __future__ import annotations

import importlib.abc
import sys
from typing import Any


class KeptOut(importlib.abc.MetaPathFinder):
    """Refuses to import some top-level modules (and their submodules)."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if fullname.partition(".")[0] in self.names:
            raise ModuleNotFoundError(f"{fullname} is kept out of section16's parsing workers", name=fullname)
        return None


def keep_out(*names: str) -> None:
    """Refuse these modules from now on in this process, those not already imported (a program that has
    one keeps it: the refusal is only ever an economy, never a change to what runs)."""
    absent = tuple(n for n in names if n not in sys.modules)
    if absent:
        sys.meta_path.insert(0, KeptOut(absent))
