"""A throwaway PostgreSQL server for the store tests: real, on a free loopback port, in a temp dir.

Order of preference: ``SECTION16_TEST_PG`` (a URL of a running server the tests may create tables
in); else the ``initdb``/``pg_ctl`` found on PATH or under /usr/lib/postgresql; else, when running as
root with apt-get, PostgreSQL installed from Debian's packages. When none of that works the tests are
skipped with the reason, except under ``CI=true`` where that is a failure.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]), reverse=True)
    for d in dirs:
        if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists():
            return Path(d)
    return None


def _install() -> str | None:
    """Install PostgreSQL from Debian's packages; None when done, else why it could not be."""
    if os.geteuid() != 0:
        return "PostgreSQL is not installed and the tests are not running as root to apt-get install it"
    if not shutil.which("apt-get"):
        return "PostgreSQL is not installed and there is no apt-get to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "postgresql"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            return f"{' '.join(cmd)} failed: {done.stderr.strip()[-500:]}"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}")
    pytest.skip(reason)


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Yield the URL of a running PostgreSQL server; stop and remove it afterwards."""
    url = os.environ.get("SECTION16_TEST_PG")
    if url:
        yield url
        return
    bindir = _bin_dir()
    if bindir is None:
        why = _install()
        bindir = _bin_dir()
        if bindir is None:
            _unavailable(why or "PostgreSQL was installed but initdb/pg_ctl were not found")
            return
    as_root = os.geteuid() == 0
    run_as: list[str] = []
    if as_root:  # initdb refuses to run as root: run the cluster as the postgres user
        runuser = shutil.which("runuser")
        if runuser is None:
            _unavailable("running as root without runuser to start PostgreSQL as the postgres user")
        run_as = [str(runuser), "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="section16-pg-"))
    data = base / "data"
    if as_root:
        shutil.chown(base, user="postgres")
    port = _free_port()
    log = base / "server.log"
    try:
        subprocess.run(
            [*run_as, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(log), "-w", "start"],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        detail = getattr(e, "stderr", b"") or b""
        logtext = log.read_text(errors="replace")[-800:] if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        _unavailable(f"could not start PostgreSQL: {e}: {detail.decode(errors='replace')[-500:]} {logtext}")
        return
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        time.sleep(0.1)
        shutil.rmtree(base, ignore_errors=True)


def fresh_database(server_url: str, name: str) -> str:
    """A new empty database on the server (dropped first if it exists); its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        con.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name
