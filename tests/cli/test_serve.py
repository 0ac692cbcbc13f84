"""``section16 serve --demo``: the bundled samples in a fresh store, served on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from section16 import samples


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_serve_demo() -> None:
    if not samples.paths():
        pytest.skip("no bundled samples")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from section16.cli import main; main()", "serve", "--demo", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                r = httpx.get(base + "/api/filings?limit=5", timeout=2)
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode() if proc.stderr else "no output") from None
                time.sleep(0.3)
        assert r.status_code == 200 and r.json()["count"] == 5
        assert httpx.get(base + "/", timeout=10).status_code == 200
        assert httpx.get(base + "/screens/latest-filings", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
