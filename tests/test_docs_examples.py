"""The examples in README.md, docs/parse.md and docs/model.md run as written.

Every ```python block of a file runs, in order, in one namespace per file. Every line of a ```bash
block that starts with ``section16 `` runs in a shell, in order, in one fresh folder per file holding
``filings/`` (a copy of the samples bundled in the package, as docs/parse.md tells readers to make),
and must succeed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from section16 import samples
from tests.conftest import ROOT

DOCS = [ROOT / "README.md", ROOT / "docs" / "parse.md", ROOT / "docs" / "model.md"]
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(path: Path, lang: str) -> list[str]:
    if not path.exists():
        return []
    return [body for kind, body in _FENCE.findall(path.read_text(encoding="utf-8")) if kind == lang]


def commands(path: Path) -> list[str]:
    return [
        line.strip()
        for body in blocks(path, "bash")
        for line in body.splitlines()
        if line.strip().startswith("section16 ")
    ]


@pytest.mark.parametrize("path", [p for p in DOCS if blocks(p, "python")], ids=lambda p: p.name)
def test_python_examples_run(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for i, code in enumerate(blocks(path, "python")):
        exec(compile(code, f"{path.name} python block {i + 1}", "exec"), namespace)


@pytest.mark.parametrize("path", [p for p in DOCS if commands(p)], ids=lambda p: p.name)
def test_commands_run(path: Path, tmp_path: Path) -> None:
    # The commands of one file run in order in one folder, as a reader would type them: a later
    # command may use what an earlier one made (a store loaded, a file written).
    shutil.copytree(samples.directory(), tmp_path / "filings")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    for command in commands(path):
        proc = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, f"{command}\n{proc.stderr[-2000:]}"
        assert proc.stdout or any(tmp_path.iterdir()), command


def test_parse_md_shows_every_output_format() -> None:
    cmds = " ".join(commands(ROOT / "docs" / "parse.md"))
    for fmt in ("--to table", "--to jsonl", "--to sec-tsv", "section16 schema", "parse -"):
        assert fmt in cmds


def test_model_md_names_every_field_and_class_of_the_model() -> None:
    import dataclasses

    from section16 import model

    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    missing = [f"{c.__name__}.{f.name}" for c in classes for f in dataclasses.fields(c) if f"`{f.name}`" not in text]
    assert missing == []
    assert all(f"`{c.__name__}`" in text for c in classes)
