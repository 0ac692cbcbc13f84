"""The raw archive: every fetched submission, compressed, content-addressed, with where and when it came from.

Layout of an archive folder::

    objects/3f/3fa9...e1.gz   the bytes as EDGAR served them, gzip; named by the sha256 of those bytes
    manifest.jsonl            one line per fetch: accession, sha256, size, url, fetched_at (UTC ISO)

Why gzip (the standard library's) and not zstd or lzma: measured on the 431 full submissions of the
corpus, gzip -6 keeps 1/3.55 of the bytes, as small as zstd -9 (1/3.55) and lzma (1/3.58); it unpacks
about 17,000 submissions a second, far beyond what parsing and loading use (a few thousand a second),
and compresses 4,800 a second against a fetch rate of at most 10. zstd unpacks faster but is a compiled
dependency; lzma is 20 times slower to write. Every blob opens with plain ``zcat``. The gzip header's
time is zeroed, so equal bytes give an equal blob.

Writes survive a kill at any moment: a blob is written to a temporary file, flushed to disk and renamed
into place (so a blob that exists is whole); a manifest line is one ``write`` of a whole line to a file
opened for appending, and a line cut short by a kill is cut off when the archive is next opened. A blob
without its manifest line is harmless: the next fetch of the accession writes the line.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import EdgarError

MANIFEST = "manifest.jsonl"
_SUFFIX = ".gz"


@dataclass(frozen=True, slots=True)
class ArchiveEntry:
    accession: str
    sha256: str
    size: int
    url: str
    fetched_at: datetime

    def to_json(self) -> str:
        return json.dumps(
            {
                "accession": self.accession,
                "sha256": self.sha256,
                "size": self.size,
                "url": self.url,
                "fetched_at": self.fetched_at.astimezone(UTC).isoformat(),
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, line: str) -> ArchiveEntry:
        d = json.loads(line)
        return cls(d["accession"], d["sha256"], int(d["size"]), d["url"], datetime.fromisoformat(d["fetched_at"]))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a directory; the rename is still atomic
    finally:
        os.close(fd)


class Archive:
    """A folder of raw submissions. Thread-safe for writers within one process."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).expanduser()
        self.objects = self.root / "objects"
        self.manifest_path = self.root / MANIFEST
        self._lock = threading.Lock()
        try:
            self.objects.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise EdgarError(f"{self.root}: cannot create the archive folder: {e.strerror or e}") from None
        self._latest: dict[str, ArchiveEntry] = {}
        self._repair_and_read()

    # -- reading -------------------------------------------------------------------------------------

    def _repair_and_read(self) -> None:
        if not self.manifest_path.exists():
            return
        try:
            raw = self.manifest_path.read_bytes()
            complete = raw[: raw.rfind(b"\n") + 1]
            if len(complete) != len(raw):
                # The last line was cut short by a kill mid-write: drop the fragment so the next line starts clean.
                with open(self.manifest_path, "r+b") as fh:
                    fh.truncate(len(complete))
                    fh.flush()
                    os.fsync(fh.fileno())
        except OSError as e:
            raise EdgarError(f"{self.manifest_path}: cannot read the archive's manifest: {e.strerror or e}") from None
        for n, line in enumerate(complete.decode("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = ArchiveEntry.from_json(line)
            except (ValueError, KeyError, TypeError) as err:
                raise EdgarError(f"{self.manifest_path}:{n}: not a manifest entry ({err})") from None
            self._latest[entry.accession] = entry  # a later fetch of one accession wins

    def entries(self) -> list[ArchiveEntry]:
        """The latest fetch of every accession, in the order they were first archived."""
        return list(self._latest.values())

    def __len__(self) -> int:
        return len(self._latest)

    def __contains__(self, accession: object) -> bool:
        return accession in self._latest

    def entry(self, accession: str) -> ArchiveEntry | None:
        return self._latest.get(accession)

    def blob_path(self, sha256: str) -> Path:
        return self.objects / sha256[:2] / f"{sha256}{_SUFFIX}"

    def read(self, sha256: str) -> bytes:
        """The original bytes of a blob, checked against their hash."""
        path = self.blob_path(sha256)
        try:
            data = gzip.decompress(path.read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            raise EdgarError(f"{path}: cannot read the archived submission: {e}") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise EdgarError(f"{path}: content does not match its sha256 (the file is damaged)")
        return data

    def read_accession(self, accession: str) -> bytes:
        e = self._latest.get(accession)
        if e is None:
            raise EdgarError(f"{self.root}: {accession} is not archived")
        return self.read(e.sha256)

    def __iter__(self) -> Iterator[tuple[ArchiveEntry, bytes]]:
        for e in self.entries():
            yield e, self.read(e.sha256)

    # -- writing -------------------------------------------------------------------------------------

    def put(self, data: bytes, *, accession: str, url: str, fetched_at: datetime | None = None) -> ArchiveEntry:
        """Keep ``data`` (once per distinct content) and record this fetch in the manifest."""
        sha = hashlib.sha256(data).hexdigest()
        entry = ArchiveEntry(accession, sha, len(data), url, fetched_at or datetime.now(UTC))
        path = self.blob_path(sha)
        line = (entry.to_json() + "\n").encode("utf-8")
        try:
            if not path.exists():
                self._write_blob(path, gzip.compress(data, compresslevel=6, mtime=0))
            with self._lock:
                fd = os.open(self.manifest_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    os.write(fd, line)  # one write of one whole line: appends never interleave
                    os.fsync(fd)
                finally:
                    os.close(fd)
                self._latest[accession] = entry
        except OSError as e:  # a full disk, a read-only folder: stop the sync rather than lose filings
            raise EdgarError(f"{self.root}: cannot write to the archive: {e.strerror or e}") from None
        return entry

    def _write_blob(self, path: Path, blob: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        _fsync_dir(path.parent)
