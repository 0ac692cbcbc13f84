"""Web fixtures: a DuckDB store of real filings plus one hostile filing, the app, and a real uvicorn
server on 127.0.0.1 (a free port, in a thread)."""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from section16 import parse
from section16.model import Filing, Footnote, Issuer
from section16.store import Store, open_store
from section16.web import create_app
from tests.conftest import FIXTURE_TXT
from tests.explore.conftest import ABBV_CLUSTER, RGLS_JOINT, filings

HOSTILE_ACCESSION = "0009999999-19-000001"
#: What the hostile filing carries in its text fields: markup, a script, an event handler.
SCRIPT = "<script>window.__pwned = 1</script>"
MARKUP = '<b>bold</b><img src=x onerror="window.__pwned = 2">'


def hostile_filing(base: Filing) -> Filing:
    """A real filing with script and markup put into every text a page shows."""
    assert base.submission is not None
    owner = base.reporting_owners[0]
    rel = dataclasses.replace(owner.relationship, officer_title=f"<i>EVP</i>{SCRIPT}")
    return dataclasses.replace(
        base,
        issuer=Issuer(cik="9999999", name=f"Evil {MARKUP} & Co", trading_symbol="EVL"),
        reporting_owners=(dataclasses.replace(owner, cik="9999998", name=f"Mallory {SCRIPT}", relationship=rel),),
        footnotes=(*base.footnotes, Footnote(id="F9", text=f"Footnote with {SCRIPT} and {MARKUP}")),
        remarks=f"Remarks {SCRIPT}",
        submission=dataclasses.replace(base.submission, accession_number=HOSTILE_ACCESSION, filers=()),
    )


def web_filings() -> list[Filing]:
    """The ABBV cluster, the RGLS joint filing, a 4/A, and the hostile filing."""
    real = filings(*ABBV_CLUSTER, RGLS_JOINT)
    amendment = parse(FIXTURE_TXT / "0001179110-20-004036.txt")
    return [*real, amendment, hostile_filing(real[0])]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with open_store(path) as s:
        result = s.load(web_filings())
        assert not result.failed, result.failed
        yield s


@pytest.fixture(scope="session")
def app(web_store: Store) -> FastAPI:
    return create_app(web_store)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_server(app: FastAPI) -> Iterator[str]:
    """The app on a real uvicorn at http://127.0.0.1:PORT, stopped after the session."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        raise RuntimeError("uvicorn did not start")
    yield base
    server.should_exit = True
    thread.join(timeout=10)
