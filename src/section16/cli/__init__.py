"""The ``section16`` command. Every verb is a thin shell over the library; each lives in its own module.

A verb module defines ``register(app)`` adding the command of its own name; add it to ``_VERBS`` below.

``section16 VERB ...`` imports only that verb's module: the web app, pyarrow or the explore package
cost a second of start-up that ``section16 parse`` (or a ``section16 load`` worker pool, whose fork
server starts from the command's main module) should not pay. ``app``, the whole command with every
verb, is built on first use.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer


def _new_app() -> typer.Typer:
    t = typer.Typer(
        name="section16",
        help="Read, check, write, collect, store and explore SEC insider filings (Forms 3, 4 and 5).",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    t.callback()(_root)
    return t


# Verb modules, in the order their help is shown.
_VERBS = (
    "parse", "schema", "check", "sync", "reparse", "render", "new",
    "load", "export", "sql", "trades", "screen", "serve",
)  # fmt: skip


def _register(target: typer.Typer, verbs: tuple[str, ...] = _VERBS) -> typer.Typer:
    for name in verbs:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(target)
    return target


def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    if version:
        from .. import __version__

        typer.echo(__version__)
        raise typer.Exit()


_app: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    global _app
    if name == "app":
        if _app is None:
            _app = _register(_new_app())
        return _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    verb = sys.argv[1] if len(sys.argv) > 1 else None
    if verb in _VERBS:
        _register(_new_app(), (verb,))()  # only the verb asked for
    else:
        __getattr__("app")()  # --help, --version, or a mistyped verb: the whole command
