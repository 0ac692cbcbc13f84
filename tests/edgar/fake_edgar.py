"""A fake EDGAR: a real HTTP server on 127.0.0.1 serving real submissions in EDGAR's layout, with faults.

It serves, from a set of full submissions (``.txt``), what www.sec.gov and data.sec.gov serve:

* ``/Archives/edgar/daily-index/{Y}/QTR{q}/{form,company,master}.{YYYYMMDD}.idx`` for every published
  weekday (a day with none of the filings still has an index, listing one non-ownership filing), and the
  S3 ``AccessDenied`` 403 for weekends, holidays and days after ``published_through``;
* ``/Archives/edgar/full-index/{Y}/QTR{q}/{form,company,master}.idx``;
* ``/Archives/edgar/data/{cik}/{acc-no-dashes}/{acc}.txt``, the form's XML and ``index.json``, under the
  issuer's CIK and under each reporting owner's (a filing is listed once per filer CIK in the indexes);
* ``/submissions/CIK##########.json`` with older pages (``-submissions-NNN.json``) beyond ``page_size``;
* ``/files/structureddata/data/insider-transactions-data-sets/{YYYY}q{n}_form345.zip`` when given.

Every request is logged with its arrival time (``time.monotonic`` at the server), so tests measure the
rate the server sees. Faults (:class:`Fault`) inject what EDGAR does to clients: 403 "undeclared
automated tool" blocks (after which every request is refused for ``block_seconds``), 500s, 429s, slow
answers and bodies cut short of their Content-Length. A request without a User-Agent that names a
contact e-mail is blocked, as the SEC does.

Run it by hand: ``python -m tests.edgar.fake_edgar [--port 8000] FILES...``.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal

from section16.read.submission import read_envelope

FaultKind = Literal["block", "error", "throttle", "slow", "truncate"]

BLOCK_PAGE = b"""<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head><body>
<h1>Your Request Originates from an Undeclared Automated Tool</h1>
<p>To allow for equitable access to all users, SEC reserves the right to limit requests originating from
undeclared automated tools. Your request has been identified as part of a network of automated tools
outside of the acceptable policy and will be managed until action is taken to declare your traffic.</p>
</body></html>"""

ACCESS_DENIED = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message>'
    b"<RequestId>FAKE0000</RequestId><HostId>fake-edgar</HostId></Error>"
)

_UA_RE = re.compile(r"\S+@\S+\.\S+")


@dataclass
class Fault:
    """Inject ``kind`` into requests whose path contains ``path``: after letting ``after`` of them through,
    the next ``times`` (``-1``: all), or with ``every`` > 0 each ``every``-th of them."""

    kind: FaultKind
    path: str = ""
    times: int = 1
    every: int = 0
    after: int = 0
    status: int = 500
    delay: float = 2.0
    seen: int = 0
    fired: int = 0

    def hit(self, path: str) -> bool:
        if self.path not in path:
            return False
        self.seen += 1
        if self.seen <= self.after:
            return False
        fire = self.seen % self.every == 0 if self.every > 0 else (self.times < 0 or self.fired < self.times)
        if fire:
            self.fired += 1
        return fire


@dataclass(frozen=True, slots=True)
class Logged:
    t: float
    path: str
    status: int
    user_agent: str


@dataclass(frozen=True, slots=True)
class FakeFiling:
    accession: str
    form: str
    filed: date
    #: (cik, name), issuer first then reporting owners.
    filers: tuple[tuple[str, str], ...]
    xml_name: str
    data: bytes

    @property
    def folder(self) -> str:
        return self.accession.replace("-", "")


def _xml_of(data: bytes) -> bytes:
    s = data.find(b"<XML>")
    e = data.find(b"</XML>", s)
    return data[s + 5 : e].strip() if s >= 0 and e > 0 else b""


def load_filings(paths: Iterable[Path]) -> list[FakeFiling]:
    out = []
    for p in sorted(paths):
        data = p.read_bytes()
        sub, _, _ = read_envelope(data, str(p))
        assert sub.accession_number and sub.filing_date and sub.submission_type, p
        filers = [(f.cik.lstrip("0"), f.name or "") for f in sub.filers if f.cik and f.role != "reporting-owner"]
        filers += [(f.cik.lstrip("0"), f.name or "") for f in sub.filers if f.cik and f.role == "reporting-owner"]
        xml_name = next((d.filename for d in sub.documents if d.filename and d.filename.endswith(".xml")), "form.xml")
        out.append(
            FakeFiling(sub.accession_number, sub.submission_type, sub.filing_date, tuple(filers), xml_name, data)
        )
    return out


def quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


# -- index files ---------------------------------------------------------------------------------------

_TITLES = {"form": "by Form Type", "company": "by Company Name", "master": ""}
_COLUMNS = {
    "form": f"{'Form Type':<12}{'Company Name':<62}{'CIK':<12}{'Date Filed':<12}File Name",
    "company": f"{'Company Name':<62}{'Form Type':<12}{'CIK':<12}{'Date Filed':<12}File Name",
    "master": "CIK|Company Name|Form Type|Date Filed|Filename",
}


def render_index(kind: str, rows: Sequence[tuple[str, str, str, date, str]], *, daily: bool, day: date) -> bytes:
    """An index file: rows are (form, name, cik, date, file name)."""
    title = f"{'Daily' if daily else 'Master'} Index of EDGAR Dissemination Feed {_TITLES[kind]}".rstrip()
    head = [
        f"Description:           {title}",
        f"Last Data Received:    {day:%b} {day.day}, {day.year}",
        "Comments:              webmaster@sec.gov",
        "Anonymous FTP:         ftp://ftp.sec.gov/edgar/",
    ]
    if not daily:
        head.append("Cloud HTTP:            https://www.sec.gov/Archives/")
    head += [" ", " ", " ", " ", _COLUMNS[kind], "-" * (80 if kind == "master" else 141)]
    fmt = "%Y%m%d" if daily else "%Y-%m-%d"
    lines = []
    if kind == "form":
        for form, name, cik, d, fn in sorted(rows, key=lambda r: (r[0], r[1], r[2])):
            lines.append(f"{form:<12}{name[:61]:<62}{cik:<12}{d.strftime(fmt):<12}{fn}  ")
    elif kind == "company":
        for form, name, cik, d, fn in sorted(rows, key=lambda r: (r[1], r[0], r[2])):
            lines.append(f"{name[:61]:<62}{form:<12}{cik:<12}{d.strftime(fmt):<12}{fn}  ")
    else:
        for form, name, cik, d, fn in sorted(rows, key=lambda r: (int(r[2]), r[0])):
            lines.append(f"{cik}|{name}|{form}|{d.strftime(fmt)}|{fn}")
    return ("\n".join(head + lines) + "\n").encode("latin-1", "replace")


class FakeEdgar:
    """The server. Use as a context manager; ``url`` is its base (give it as both EDGAR bases)."""

    def __init__(
        self,
        submissions: Iterable[Path],
        *,
        faults: Sequence[Fault] = (),
        block_seconds: float = 1.0,
        holidays: Iterable[date] = (),
        published_through: date | None = None,
        page_size: int = 1000,
        datasets: Mapping[tuple[int, int], bytes] | None = None,
    ) -> None:
        self.filings = load_filings(submissions)
        #: (year, quarter) -> the SEC insider data-set zip served for it.
        self.datasets = dict(datasets or {})
        self.faults = list(faults)
        self.block_seconds = block_seconds
        self.holidays = set(holidays)
        self.published_through = published_through or max(f.filed for f in self.filings)
        self.page_size = page_size
        self.log: list[Logged] = []
        self._lock = threading.Lock()
        self._blocked_until = 0.0
        self._by_folder = {(cik, f.folder): f for f in self.filings for cik, _ in f.filers}
        self._by_cik: dict[str, list[FakeFiling]] = defaultdict(list)
        for f in self.filings:
            for cik, _ in f.filers:
                self._by_cik[cik].append(f)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ----------------------------------------------------------------------------------

    def start(self, port: int = 0) -> FakeEdgar:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeEdgar:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- what the server saw ---------------------------------------------------------------------------

    def max_in_window(self, window: float = 1.0, *, paths: str = "") -> int:
        """The most requests that arrived within any ``window`` seconds (half-open sliding windows)."""
        times = sorted(r.t for r in self.log if paths in r.path)
        best = lo = 0
        for hi, t in enumerate(times):
            while times[lo] <= t - window:
                lo += 1
            best = max(best, hi - lo + 1)
        return best

    def requests_for(self, fragment: str) -> list[Logged]:
        return [r for r in self.log if fragment in r.path]

    # -- content -------------------------------------------------------------------------------------

    def published(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays and day <= self.published_through

    def _rows(self, filings: Iterable[FakeFiling]) -> list[tuple[str, str, str, date, str]]:
        return [
            (f.form, name, cik, f.filed, f"edgar/data/{cik}/{f.accession}.txt")
            for f in filings
            for cik, name in f.filers
        ]

    def daily_index(self, kind: str, day: date) -> bytes | None:
        if not self.published(day):
            return None
        rows = self._rows(f for f in self.filings if f.filed == day)
        # Every real day lists other forms too; the client must filter them out.
        noise = f"9{day:%y%m%d}"
        rows.append(("8-K", "NOISE HOLDINGS INC", noise, day, f"edgar/data/{noise}/{noise:0>10}-{day:%y}-000001.txt"))
        return render_index(kind, rows, daily=True, day=day)

    def full_index(self, kind: str, year: int, q: int) -> bytes:
        rows = self._rows(f for f in self.filings if f.filed.year == year and quarter(f.filed) == q)
        last = date(year, 3 * q, 1)
        return render_index(kind, rows, daily=False, day=last)

    def daily_listing(self, year: int, q: int) -> bytes:
        start = date(year, 3 * q - 2, 1)
        items = []
        d = start
        while quarter(d) == q and d.year == year:
            if self.published(d):
                for kind in ("company", "form", "master"):
                    items.append({"name": f"{kind}.{d:%Y%m%d}.idx", "type": "file", "href": f"{kind}.{d:%Y%m%d}.idx"})
            d += timedelta(days=1)
        return json.dumps({"directory": {"item": items, "name": f"daily-index/{year}/QTR{q}/"}}).encode()

    def folder_listing(self, f: FakeFiling, cik: str) -> bytes:
        items = [
            {"name": f"{f.accession}.txt", "type": "text.gif", "size": str(len(f.data))},
            {"name": f.xml_name, "type": "text.gif", "size": str(len(_xml_of(f.data)))},
        ]
        return json.dumps({"directory": {"item": items, "name": f"/Archives/edgar/data/{cik}/{f.folder}"}}).encode()

    def submissions(self, cik: str, page: int) -> bytes | None:
        filings = sorted(self._by_cik.get(cik, ()), key=lambda f: (f.filed, f.accession), reverse=True)
        if not filings:
            return None
        pages = [filings[i : i + self.page_size] for i in range(0, len(filings), self.page_size)]
        if page >= len(pages):
            return None
        arrays = _arrays(pages[page])
        if page > 0:
            return json.dumps(arrays).encode()
        name = next(n for c, n in pages[0][0].filers if c == cik)
        files = [
            {
                "name": f"CIK{int(cik):010d}-submissions-{i:03d}.json",
                "filingCount": len(p),
                "filingFrom": p[-1].filed.isoformat(),
                "filingTo": p[0].filed.isoformat(),
            }
            for i, p in enumerate(pages[1:], 1)
        ]
        doc = {"cik": cik, "name": name, "tickers": [], "filings": {"recent": arrays, "files": files}}
        return json.dumps(doc).encode()

    # -- routing ---------------------------------------------------------------------------------------

    def route(self, path: str) -> tuple[int, bytes, str]:
        m = re.fullmatch(r"/Archives/edgar/daily-index/(\d{4})/QTR([1-4])/(form|company|master)\.(\d{8})\.idx", path)
        if m:
            day = date(int(m[4][:4]), int(m[4][4:6]), int(m[4][6:]))
            body = self.daily_index(m[3], day)
            return (403, ACCESS_DENIED, "application/xml") if body is None else (200, body, "text/plain")
        m = re.fullmatch(r"/Archives/edgar/daily-index/(\d{4})/QTR([1-4])/index\.json", path)
        if m:
            return 200, self.daily_listing(int(m[1]), int(m[2])), "application/json"
        m = re.fullmatch(r"/Archives/edgar/full-index/(\d{4})/QTR([1-4])/(form|company|master)\.idx", path)
        if m:
            return 200, self.full_index(m[3], int(m[1]), int(m[2])), "text/plain"
        m = re.fullmatch(r"/Archives/edgar/data/(\d+)/(\d{18})/(.+)", path)
        if m:
            f = self._by_folder.get((m[1], m[2]))
            if f is not None:
                if m[3] == f"{f.accession}.txt":
                    return 200, f.data, "text/plain"
                if m[3] == f.xml_name:
                    return 200, _xml_of(f.data), "application/xml"
                if m[3] == "index.json":
                    return 200, self.folder_listing(f, m[1]), "application/json"
        m = re.fullmatch(
            r"/files/structureddata/data/insider-transactions-data-sets/(\d{4})q([1-4])_form345\.zip", path
        )
        if m and (int(m[1]), int(m[2])) in self.datasets:
            return 200, self.datasets[int(m[1]), int(m[2])], "application/zip"
        m = re.fullmatch(r"/submissions/CIK(\d{10})(?:-submissions-(\d{3}))?\.json", path)
        if m:
            body = self.submissions(m[1].lstrip("0"), int(m[2] or 0))
            if body is not None:
                return 200, body, "application/json"
        return 404, b"<html><body>Not Found</body></html>", "text/html"


def _arrays(filings: Sequence[FakeFiling]) -> dict[str, list[object]]:
    return {
        "accessionNumber": [f.accession for f in filings],
        "filingDate": [f.filed.isoformat() for f in filings],
        "reportDate": ["" for _ in filings],
        "acceptanceDateTime": [f"{f.filed.isoformat()}T16:00:00.000Z" for f in filings],
        "act": ["" for _ in filings],
        "form": [f.form for f in filings],
        "primaryDocument": [f"xslF345X03/{f.xml_name}" for f in filings],
        "size": [len(f.data) for f in filings],
    }


class _Handler(BaseHTTPRequestHandler):
    fake: FakeEdgar
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; without TCP_NODELAY the second waits for the client's
    # delayed ACK (about 40 ms), which would make the server, not the limiter, pace the tests.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass  # the FakeEdgar keeps its own log

    def do_GET(self) -> None:
        arrived = time.monotonic()
        fake = self.fake
        path = self.path.split("?", 1)[0]
        ua = self.headers.get("User-Agent", "")
        fault: Fault | None = None
        with fake._lock:
            blocked = arrived < fake._blocked_until or not _UA_RE.search(ua)
            if not blocked:
                fault = next((f for f in fake.faults if f.hit(path)), None)
                if fault is not None and fault.kind == "block":
                    fake._blocked_until = arrived + fake.block_seconds
                    blocked = True
        if blocked:
            status, body, ctype = 403, BLOCK_PAGE, "text/html"
        elif fault is not None and fault.kind in ("error", "throttle"):
            status, body, ctype = (fault.status if fault.kind == "error" else 429), b"<html>error</html>", "text/html"
        else:
            status, body, ctype = fake.route(path)
        with fake._lock:
            fake.log.append(Logged(arrived, path, status, ua))
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if fault is not None and fault.kind == "throttle":
            self.send_header("Retry-After", "1")
        self.end_headers()
        try:
            if fault is not None and fault.kind == "truncate":
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a timeout): nothing to do


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args(argv)
    files = [p for f in args.files for p in (sorted(f.glob("*.txt")) if f.is_dir() else [f])]
    fake = FakeEdgar(files).start(args.port)
    print(f"fake EDGAR with {len(fake.filings)} filings at {fake.url}", file=sys.stderr)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()


__all__ = ["ACCESS_DENIED", "BLOCK_PAGE", "FakeEdgar", "Fault", "Logged"]
