"""``section16 serve``: the web UI and the REST API over a store (or the bundled samples with --demo)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from ..errors import Section16Error
from .load import DB_HELP


def demo_store(folder: Path) -> object:
    """A fresh embedded store in ``folder`` holding the sample filings bundled with the package."""
    from .. import samples
    from ..read import parse
    from ..store import open_store

    paths = samples.paths()
    if not paths:
        raise Section16Error(f"no sample filings in {samples.directory()}: the package is incomplete")
    filings = []
    for p in paths:
        try:
            filings.append(parse(p))
        except Section16Error as e:
            typer.echo(f"warning: skipped {p.name}: {e}", err=True)
    store = open_store(folder / "demo.duckdb")
    result = store.load(filings)
    typer.echo(f"demo store: {result} from {len(paths)} bundled sample files", err=True)
    return store


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
        port: int = typer.Option(8016, "--port", help="Port to listen on."),
        db: str = typer.Option(None, "--db", help=DB_HELP),
        demo: bool = typer.Option(False, "--demo", help="Serve the bundled sample filings from a temporary store."),
    ) -> None:
        """Start the web UI and the REST API (OpenAPI at /openapi.json). Ctrl-C stops it."""
        import uvicorn

        from ..store import Store, open_store
        from ..web import create_app

        with tempfile.TemporaryDirectory(prefix="section16-demo-") as tmp:
            try:
                store = demo_store(Path(tmp)) if demo else open_store(db)
                assert isinstance(store, Store)
                web_app = create_app(store)
            except Section16Error as e:
                typer.echo(f"error: {e}", err=True)
                raise typer.Exit(1) from None
            typer.echo(f"section16 serving {store.location} on http://{host}:{port}/", err=True)
            try:
                uvicorn.run(web_app, host=host, port=port, log_level="warning")
            finally:
                store.close()
