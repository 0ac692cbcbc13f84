"""The ``section16`` command. Every verb is a thin shell over the library; each lives in its own module.

A verb module defines ``register(app)``; add it to ``_VERBS`` below.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="section16",
    help="Read, check, write, collect, store and explore SEC insider filings (Forms 3, 4 and 5).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Verb modules, in the order their help is shown.
_VERBS = (
    "parse", "schema", "check", "sync", "reparse", "render", "new",
    "load", "export", "sql", "trades", "screen", "serve",
)  # fmt: skip


def _register() -> None:
    for name in _VERBS:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(app)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    if version:
        from .. import __version__

        typer.echo(__version__)
        raise typer.Exit()


_register()


def main() -> None:
    app()
