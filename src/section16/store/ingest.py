"""Loading files into a store: files, folders, zips of submissions and SEC data-set zips.

Parsing is the expensive part, so it runs in a process pool; each worker turns its chunk of files into
a :class:`~section16.store.chunks.Chunk` (Arrow tables, built column by column, that pickle as a few
flat buffers) and the parent appends them to the store in bulk, one transaction per batch.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ParseError, Section16Error
from ..keep_out import keep_out
from ..model import Filing
from ..read import parse_bytes
from .base import BATCH_SIZE, LoadResult, Store
from .chunks import Chunk
from .columns import NO_ACCESSION, filings_chunk

#: File name endings taken from folders and zips (a file named on the command line is always tried).
FILING_SUFFIXES = (".xml", ".txt", ".nc", ".sgml")

#: Files per task sent to a worker (large enough that building its Arrow tables costs little per file).
CHUNK = 256

#: A unit of input: (display name, source): a path on disk, bytes already read, or (zip path, member).
#: Zip members are read by the worker that parses them, so a huge zip is never held in memory at once.
Item = tuple[str, str | bytes | tuple[str, str]]

Progress = Callable[[int, LoadResult], None]


@dataclass
class Plan:
    """What a list of paths holds: single filings, and SEC data-set zips (loaded by another route)."""

    items: list[Item]
    datasets: list[Path]
    missing: list[str]


def is_dataset_zip(path: Path) -> bool:
    """A zip holding the SEC's SUBMISSION.tsv (a quarterly Insider Transactions Data Set)."""
    try:
        with zipfile.ZipFile(path) as z:
            return any(n.rsplit("/", 1)[-1].upper() == "SUBMISSION.TSV" for n in z.namelist())
    except (zipfile.BadZipFile, OSError):
        return False


def _zip_items(path: Path) -> Iterator[Item]:
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if info.is_dir() or not info.filename.lower().endswith(FILING_SUFFIXES):
                continue
            yield f"{path}!{info.filename}", (str(path), info.filename)


def _read_file(path: str) -> bytes:
    """A file's bytes through the os module: no file object (open() builds a buffered reader), about half
    the CPU for a filing-sized file."""
    fd = os.open(path, os.O_RDONLY)
    try:
        parts = []
        while part := os.read(fd, 1 << 20):
            parts.append(part)
        return b"".join(parts)
    finally:
        os.close(fd)


def _read_item(src: str | bytes | tuple[str, str], zips: dict[str, zipfile.ZipFile]) -> bytes:
    if isinstance(src, bytes):
        return src
    if isinstance(src, str):
        return _read_file(src)
    archive, member = src
    z = zips.get(archive)
    if z is None:
        z = zips[archive] = zipfile.ZipFile(archive)
    return z.read(member)


def _files_under(folder: Path) -> list[str]:
    """Every file under a folder, recursively, in the order of ``sorted(folder.rglob("*"))``: by path
    components; directory links are not followed, file links are taken. Plain strings and
    ``os.scandir`` because Path objects cost more than the rest of the parent's work per filing."""
    root = str(folder)
    prefix = "" if root == "." else root if root.endswith(os.sep) else root + os.sep
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(directory: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except PermissionError:
            return
        for e in entries:
            here = (*parts, e.name)
            if e.is_dir(follow_symlinks=False):
                walk(e.path, here)
            elif e.is_file():
                found.append((here, prefix + os.sep.join(here)))

    walk(root, ())
    found.sort()
    return [path for _, path in found]


def plan(paths: Iterable[str | os.PathLike[str]]) -> Plan:
    """Expand paths: folders recursively (filing files and zips), zips into their members."""
    out = Plan([], [], [])

    def add_file(p: str, explicit: bool) -> None:
        suffix = os.path.splitext(p)[1].lower()
        if suffix == ".zip":
            z = Path(p)
            if is_dataset_zip(z):
                out.datasets.append(z)
            else:
                try:
                    out.items.extend(_zip_items(z))
                except (zipfile.BadZipFile, OSError) as e:
                    out.missing.append(f"{p}: not a readable zip ({e})")
        elif explicit or suffix in FILING_SUFFIXES:
            out.items.append((p, p))

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in _files_under(p):
                add_file(child, explicit=False)
        elif p.is_file():
            add_file(str(p), explicit=True)
        else:
            out.missing.append(f"{p}: no such file or folder")
    return out


def chunk_for_items(
    items: list[Item], loaded_at: datetime, run_checks: bool = False
) -> tuple[Chunk, list[tuple[str, str]]]:
    """Parse items into one chunk of rows; failures as (name, reason). Runs in a worker process.

    ``run_checks`` runs the business-rule checks (not the XSD) and keeps their findings with each filing.
    """
    # Reading makes many small objects and no reference cycles (a filing is a tree of frozen values),
    # so the cyclic collector's passes during a chunk find nothing and cost ~10% of the chunk's CPU;
    # it runs again once the chunk is built (a cycle made by an error's traceback is collected then).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _chunk(items, loaded_at, run_checks)
    finally:
        if enabled:
            gc.enable()


def _chunk(items: list[Item], loaded_at: datetime, run_checks: bool) -> tuple[Chunk, list[tuple[str, str]]]:
    parsed: list[tuple[str, Filing, Any]] = []
    failed: list[tuple[str, str]] = []
    zips: dict[str, zipfile.ZipFile] = {}
    for name, src in items:
        try:
            data = _read_item(src, zips)
            filing = parse_bytes(data, name)
            findings = None
            if run_checks:
                from ..check import check

                findings = check(filing, xsd=False)
            if not filing.accession_number:
                raise ValueError(NO_ACCESSION)
            parsed.append((name, filing, findings))
        except ParseError as e:
            failed.append((name, e.message if e.source == name else str(e)))
        except OSError as e:
            failed.append((name, f"cannot read file: {e.strerror or e}"))
        except (Section16Error, ValueError, TypeError, AttributeError, zipfile.BadZipFile) as e:
            failed.append((name, str(e)))
        except Exception as e:  # a reader's bug on one file fails that file, named, not the whole load
            failed.append((name, f"unexpected {type(e).__name__} while reading it (a bug in section16): {e}"))
    for z in zips.values():
        z.close()
    chunk, unfit = filings_chunk(parsed, loaded_at)
    return chunk, failed + unfit


def _worker_start() -> None:
    """Keep pandas out of a parsing worker: pyarrow imports it (~1-2 s of CPU, per process) the first
    time it converts Python values, only to recognise pandas objects, which a worker never has (where the
    pool is not forked from ``section16.load_worker``, which keeps it out already).

    The objects the worker inherits (modules, tables) live as long as it does: frozen, the cyclic
    collector no longer walks them, nor writes to their pages (which fork shares with the server)."""
    keep_out("pandas")
    gc.freeze()


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: the parent holds database threads, which fork() would copy in a broken state.
    method = "forkserver" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # The fork server imports the readers (lxml, pyarrow...) once and every worker forks from it,
        # instead of each worker importing them again; '__main__' is the default preload, kept (and
        # first: a program that imports numpy or pandas keeps them).
        context.set_forkserver_preload(["__main__", "section16.load_worker"])
    return context


def start_pool_early() -> None:
    """Start the fork server now, so that it imports the readers (~0.3 s of one core) while this process
    lists the files to load, instead of after: the pool's first workers then fork at once."""
    if sys.platform.startswith("linux"):
        _context()
        from multiprocessing import forkserver

        forkserver.ensure_running()


def pool(workers: int) -> ProcessPoolExecutor:
    """A process pool safe to start from a process holding a database connection."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_worker_start)


def load_items(
    store: Store,
    items: list[Item],
    *,
    workers: int | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    run_checks: bool = False,
) -> LoadResult:
    """Parse and store items; ``workers`` processes parse (default: one per CPU; 1 = in this process)."""
    workers = workers or os.cpu_count() or 1
    result = LoadResult()
    pending: list[Chunk] = []
    pending_n = 0
    done = 0
    loaded_at = datetime.now(UTC)

    def flush() -> None:
        nonlocal pending, pending_n
        result.__iadd__(store.load_chunks(pending, replace=replace))
        pending, pending_n = [], 0

    def take(chunk: Chunk, failed: list[tuple[str, str]], n: int) -> None:
        nonlocal done, pending_n
        result.failed.extend(failed)
        pending.append(chunk)
        pending_n += len(chunk)
        done += n
        if pending_n >= batch_size:
            flush()
        if progress:
            progress(done, result)

    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    if workers <= 1 or len(chunks) <= 1:
        for part in chunks:
            take(*chunk_for_items(part, loaded_at, run_checks), len(part))
    else:
        with pool(workers) as executor, store.beside_workers():
            # A bounded window of tasks in flight keeps memory flat on huge inputs; it holds two batches
            # so that the workers still have files to parse while this process appends one (or waits
            # on its commit's fsync).
            window = 2 * (batch_size // CHUNK) + 2 * workers
            futures: list[tuple[Future[tuple[Chunk, list[tuple[str, str]]]], int]] = []
            for part in chunks:
                futures.append((executor.submit(chunk_for_items, part, loaded_at, run_checks), len(part)))
                if len(futures) >= window:
                    fut, n = futures.pop(0)
                    take(*fut.result(), n)
            for i, (fut, n) in enumerate(futures):
                # The last tasks (one per worker): rather than wait for them and then write the whole
                # last batch while the workers have nothing left, write what is here while they parse.
                if len(futures) - i <= workers and not fut.done() and pending_n >= CHUNK:
                    flush()
                take(*fut.result(), n)
    if pending:
        flush()
        if progress:
            progress(done, result)
    return result


def load_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    run_checks: bool = False,
) -> LoadResult:
    """Load every filing under ``paths`` (files, folders, zips, SEC data-set zips) into ``store``;
    ``run_checks`` keeps each filing's check findings (business rules) in ``filings.findings``."""
    paths = list(paths)
    if (workers or os.cpu_count() or 1) > 1 and any(Path(x).is_dir() or str(x).lower().endswith(".zip") for x in paths):
        start_pool_early()  # a folder or a zip: most likely many files, so a pool
    p = plan(paths)
    result = LoadResult(failed=[(m.split(": ", 1)[0], m.split(": ", 1)[1]) for m in p.missing])
    result += load_items(store, p.items, workers=workers, replace=replace, progress=progress, run_checks=run_checks)
    if p.datasets:
        from ..datasets import import_dataset

        for z in p.datasets:
            result += import_dataset(store, z, replace=replace, workers=workers)
    return result
