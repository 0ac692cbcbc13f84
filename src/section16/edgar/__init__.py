"""Collecting from EDGAR: the only code of section16 that talks to the SEC.

* :mod:`.config` - the declared User-Agent, base URLs, rate and block pause (option, env, config file);
* :mod:`.ratelimit` - one token bucket for the whole process (at most 10 requests a second to sec.gov);
* :mod:`.transport` - the one HTTP seam (httpx);
* :mod:`.client` - retries, backoff, the 403 block pause, "missing daily index" as no data;
* :mod:`.indexes` - daily and quarterly form/company/master indexes, one entry per accession;
* :mod:`.submissions` - a CIK's submissions JSON with its older pages;
* :mod:`.archive` - every fetched submission, compressed and content-addressed;
* :mod:`.sync` - the resumable, incremental sync into a store.
"""

from __future__ import annotations

from .archive import Archive, ArchiveEntry
from .client import EdgarClient
from .config import EdgarConfig, load_config
from .indexes import IndexEntry, Listing, dedupe, fetch_daily_index, fetch_full_index, forms_wanted, parse_index
from .ratelimit import TokenBucket, process_bucket
from .submissions import CompanySubmissions, FilingRef, fetch_submissions, parse_submissions
from .sync import SyncOptions, SyncReport, sync

__all__ = [
    "Archive",
    "ArchiveEntry",
    "CompanySubmissions",
    "EdgarClient",
    "EdgarConfig",
    "FilingRef",
    "IndexEntry",
    "Listing",
    "SyncOptions",
    "SyncReport",
    "TokenBucket",
    "dedupe",
    "fetch_daily_index",
    "fetch_full_index",
    "fetch_submissions",
    "forms_wanted",
    "load_config",
    "parse_index",
    "parse_submissions",
    "process_bucket",
    "sync",
]
