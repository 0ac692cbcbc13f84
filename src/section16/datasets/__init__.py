"""The SEC Insider Transactions Data Sets: import a quarterly zip into a store, export a store as one.

::

    from section16.datasets import import_dataset, export_sec_tsv
    import_dataset(store, "2023q1_form345.zip")       # the fast backfill path
    export_sec_tsv(store, "out/")                      # the eight TSVs, the SEC's headers
"""

from __future__ import annotations

from .export import export_sec_tsv
from .load import import_dataset
from .read import DatasetReader

__all__ = ["DatasetReader", "export_sec_tsv", "import_dataset"]
