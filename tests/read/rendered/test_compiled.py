"""The rendered readers' modules compiled (``section16.read.rendered._compiled``) read every page as
their Python sources do, and a compiled module is used only while it is newer than its source.

Every fixture page (HTML, Markdown, text and PDF of each converter) is read in two processes, one
with the compiled modules and one with ``SECTION16_PURE_PYTHON=1``, and the Filings (or the errors)
compared whole.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from section16.read.rendered import _compiled

from .conftest import PAGES

_READ_ALL = """
import json, sys
from pathlib import Path
from section16 import parse_bytes
from section16.errors import ParseError
from section16.read.rendered import _compiled
out = {}
for path in sorted(Path(sys.argv[1]).iterdir()):
    try:
        out[path.name] = repr(parse_bytes(path.read_bytes(), path.name))
    except ParseError as e:
        out[path.name] = "refused: " + str(e)
print(json.dumps({"compiled": _compiled.compiled_modules(), "readings": out}))
"""


def _read_all(pure: bool) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "SECTION16_PURE_PYTHON"}
    if pure:
        env["SECTION16_PURE_PYTHON"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _READ_ALL, str(PAGES)], env=env, capture_output=True, text=True, check=True, timeout=600
    )
    got: dict[str, object] = json.loads(done.stdout)
    return got


def test_compiled_and_python_modules_read_every_fixture_page_alike() -> None:
    compiled = _read_all(pure=False)
    ran_compiled = [name for name, yes in compiled["compiled"].items() if yes]  # type: ignore[attr-defined]
    if not ran_compiled:
        pytest.skip("no compiled module is built (or fresh) here: python setup.py build_ext --inplace")
    pure = _read_all(pure=True)
    assert not any(pure["compiled"].values())  # type: ignore[attr-defined]
    assert len(compiled["readings"]) >= 150  # type: ignore[arg-type]
    differ = [n for n, r in compiled["readings"].items() if pure["readings"].get(n) != r]  # type: ignore[attr-defined]
    assert differ == []


def _touch(path: Path, mtime: float) -> None:
    path.write_text("")
    os.utime(path, (mtime, mtime))


def test_an_extension_is_used_only_while_newer_than_its_source(tmp_path: Path) -> None:
    source = tmp_path / "form.py"
    built = tmp_path / f"form{importlib.machinery.EXTENSION_SUFFIXES[0]}"
    _touch(source, 1_000_000)
    assert _compiled.fresh_extension(source) is None  # none built
    _touch(built, 1_000_100)
    assert _compiled.fresh_extension(source) == built
    _touch(source, 1_000_200)  # the source edited after the build: the extension is stale
    assert _compiled.fresh_extension(source) is None
    assert _compiled.fresh_extension(tmp_path / "absent.py") is None


def test_the_finder_serves_only_the_listed_modules() -> None:
    finder = next(f for f in sys.meta_path if isinstance(f, _compiled._FreshFinder))
    assert finder.find_spec("section16.read.rendered.legacy", None) is None  # not listed: Python's own import
    assert finder.find_spec("html", None) is None  # the standard library's html, not the front end
    spec = finder.find_spec("section16.read.rendered.form", None)
    assert spec is not None and spec.origin is not None
    assert Path(spec.origin).name.startswith("form.")
    if os.environ.get("SECTION16_PURE_PYTHON"):
        assert spec.origin.endswith("form.py")
