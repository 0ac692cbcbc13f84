"""Roll-forward of holdings within one filing (SPEC.md §3): for one security, ownership form and nature,
each row's amount owned after should be the previous row's amount plus the shares acquired or minus the
shares disposed. Splits, unreported exempt transactions and rows listed out of order make mismatches
common in real filings, so a mismatch is a warning.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import DerivativeTransaction, Filing, NonDerivativeTransaction
from .findings import Finding, finding

#: Rounding to whole shares between rows is common and harmless.
TOLERANCE = Decimal(1)
_NORM_RE = re.compile(r"[^a-z0-9]+")

Key = tuple[object, ...]


def _norm(text: str | None) -> str:
    return _NORM_RE.sub(" ", (text or "").lower()).strip()


def _key(row: NonDerivativeTransaction | DerivativeTransaction) -> Key:
    # "See footnote" natures are told apart by their footnotes, so the footnotes are part of the key.
    base: Key = (
        _norm(row.security_title.value),
        row.security_title.footnote_ids,
        row.direct_indirect.value,
        _norm(row.nature_of_ownership.value),
        row.nature_of_ownership.footnote_ids,
    )
    if isinstance(row, DerivativeTransaction):
        # Separate grants of one derivative often differ only in their dates or the footnotes on them.
        return (*base, row.conversion_or_exercise_price, row.exercise_date, row.expiration_date)
    return base


def check_rollforward(filing: Filing) -> list[Finding]:
    out: list[Finding] = []
    tables: tuple[tuple[str, tuple[NonDerivativeTransaction | DerivativeTransaction, ...]], ...] = (
        ("nonDerivativeTransaction", filing.non_derivative_transactions),
        ("derivativeTransaction", filing.derivative_transactions),
    )
    for tag, group in tables:
        last: dict[Key, tuple[Decimal, int]] = {}
        for i, row in enumerate(group, 1):
            after, shares, ad = row.shares_owned_after.value, row.shares.value, row.acquired_disposed.value
            if after is None:
                continue
            key = _key(row)
            prev = last.get(key)
            last[key] = (after, i)
            if prev is None or shares is None or ad not in ("A", "D"):
                continue
            expected = prev[0] + shares if ad == "A" else prev[0] - shares
            if abs(expected - after) > TOLERANCE:
                out.append(
                    finding(
                        "S16-W050",
                        f"{tag}[{i}].sharesOwnedFollowingTransaction",
                        f"{after} owned after; {tag}[{prev[1]}] left {prev[0]}, "
                        f"{'plus' if ad == 'A' else 'minus'} {shares} gives {expected}",
                    )
                )
    return out
