"""A store -> the SEC data-set files: the eight TSVs with the SEC's headers, optionally zipped.

The rows are written by :mod:`section16.write.sec_tsv` from each stored filing, so a store exports the
same cells as writing its filings directly would.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from ..sec_dataset import TABLES
from ..store.base import Store
from ..write.sec_tsv import SecTsvWriter


def export_sec_tsv(store: Store, out_dir: str | os.PathLike[str], *, zip_name: str | None = None) -> dict[str, int]:
    """Write every stored filing (accession order) to ``out_dir/<TABLE>.tsv``; rows written per table.

    With ``zip_name`` the eight files are also packed into ``out_dir/zip_name`` the way the SEC ships a
    quarter (``2024q1_form345.zip``).
    """
    out = Path(out_dir)
    with SecTsvWriter(out) as w:
        for filing in store.iter_filings():
            w.write(filing)
    if zip_name:
        with zipfile.ZipFile(out / zip_name, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for name in TABLES:
                z.write(out / f"{name}.tsv", f"{name}.tsv")
    return dict(w.counts)
