"""section16.cli: one verb's module is imported for ``section16 VERB``; the whole command for the rest."""

from __future__ import annotations

import subprocess
import sys

import pytest

from section16 import cli

_PROBE = """
import sys
from section16.cli import main
sys.argv = ["section16", *{argv!r}]
try:
    main()
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith("section16.cli.")), "section16.web" in sys.modules)
"""


def _modules_after(*argv: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(argv=list(argv))], capture_output=True, text=True, check=True
    )
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("verb", cli._VERBS)
def test_each_verb_module_registers_the_command_of_its_name(verb: str) -> None:
    app = cli._register(cli._new_app(), (verb,))
    assert [c.name for c in app.registered_commands] == [verb]


def test_a_verb_imports_only_its_own_module() -> None:
    assert _modules_after("parse", "--help") == "['section16.cli.parse'] False"


def test_help_shows_every_verb() -> None:
    line = _modules_after("--help")
    assert all(f"'section16.cli.{v}'" in line for v in cli._VERBS)
    assert [c.name for c in cli.app.registered_commands] == list(cli._VERBS)


def test_section16_check_is_the_function_whatever_was_imported_before() -> None:
    """``section16.check`` names both a subpackage and the function; the package's name must stay the function."""
    out = subprocess.run(
        [sys.executable, "-c", "import section16.store.ingest, section16; print(callable(section16.check))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.strip() == "True"
