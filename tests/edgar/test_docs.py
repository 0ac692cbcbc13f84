"""The examples of docs/collect.md run as written, against the fake EDGAR.

The ```python blocks run in order; the ``section16 sync``, ``section16 reparse`` and ``section16 sql``
lines of the ```bash blocks run through the CLI (in process), in one fresh folder, with the User-Agent,
the EDGAR URL and the database given by environment variables as the doc says a user may. Two lines are left out: the
2006-to-now backfill (80 quarters) and the one that starts the fake server itself.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from section16.cli import app
from tests.conftest import ROOT

from .conftest import submission_files
from .fake_edgar import FakeEdgar

DOC = ROOT / "docs" / "collect.md"
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(lang: str) -> list[str]:
    return [body for kind, body in _FENCE.findall(DOC.read_text(encoding="utf-8")) if kind == lang]


def commands() -> list[str]:
    out = []
    for body in blocks("bash"):
        for line in body.replace("\\\n", " ").splitlines():
            line = line.split("#", 1)[0].strip()
            if not line.startswith("section16 ") or "..." in line or "2006-01-01" in line or "127.0.0.1" in line:
                continue
            out.append(line)
    return out


def test_doc_has_examples() -> None:
    assert len(blocks("python")) >= 2
    assert any(c.startswith("section16 reparse") for c in commands())


def test_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeEdgar(submission_files()) as fake:
        for k in [k for k in os.environ if k.startswith("SECTION16_")]:
            monkeypatch.delenv(k)
        env = {
            "SECTION16_USER_AGENT": "Jane Doe Research jane@example.com",
            "SECTION16_EDGAR_URL": fake.url,
            "SECTION16_EDGAR_RATE": "50",
            "SECTION16_DB": str(tmp_path / "doc.duckdb"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
        }
        for k, v in env.items():
            if k.startswith("SECTION16_") or k == "XDG_CONFIG_HOME":
                monkeypatch.setenv(k, v)
        monkeypatch.chdir(tmp_path)
        runner = CliRunner()
        for cmd in commands():
            result = runner.invoke(app, shlex.split(cmd)[1:])
            assert result.exit_code == 0, f"{cmd}\n{result.stderr}"
        assert (tmp_path / "rebuilt.duckdb").exists() and (tmp_path / "archive" / "manifest.jsonl").exists()

        monkeypatch.setenv("SECTION16_DB", str(tmp_path / "python.duckdb"))
        namespace: dict[str, object] = {"__name__": "docs_collect"}
        for code in blocks("python"):
            exec(compile(code, str(DOC), "exec"), namespace)
        assert namespace["report"].stored > 0  # type: ignore[attr-defined]
