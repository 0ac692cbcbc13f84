"""The Filing and everything in it: the one vocabulary of section16.

Every reader produces a :class:`Filing`; every checker and writer consumes one. The model follows the
EDGAR ``ownershipDocument`` (schema versions X0101 to X0609) element for element:

* a field the schema lets carry footnotes is a :class:`Value` (``.value`` plus ``.footnote_ids``);
* numbers are exact :class:`~decimal.Decimal`, dates are :class:`~datetime.date`, flags are ``bool``;
* a field that was absent or empty is ``Value()`` (``EMPTY``) or ``None``, never a made-up default;
* what the schema does not know (an injected ``<script>``, a misspelt element) is kept in
  :attr:`Filing.unknown`, and values that could not be read as their type are reported in
  :attr:`Filing.notes` with the text as filed: nothing the filer wrote is dropped silently.

All classes are immutable (frozen, slotted dataclasses); collections are tuples. Two Filings compare
equal when their content is equal; where they came from (:attr:`Filing.source`) is not compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

#: Version of the reading rules; recorded on every Filing so a store can tell what to re-parse.
PARSER_VERSION = "1.0.0"

SourceFormat = Literal["xml", "submission", "html", "markdown", "text", "pdf", "legacy-text", "yaml", "dataset"]


@dataclass(frozen=True, slots=True)
class Value(Generic[T]):
    """A filed value with the ids of the footnotes attached to it (``("F1", "F2")``).

    ``value`` is ``None`` when the filer gave no value: then ``footnote_ids`` usually says why
    ("see footnote" in place of a price or an exercise date).
    """

    value: T | None = None
    footnote_ids: tuple[str, ...] = ()

    @property
    def present(self) -> bool:
        """True when the filer gave a value or at least one footnote."""
        return self.value is not None or bool(self.footnote_ids)


EMPTY: Value[object] = Value()


def _empty() -> Value[T]:
    return EMPTY  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Issuer:
    cik: str
    name: str | None = None
    trading_symbol: str | None = None
    #: X0609+: the ticker on a foreign exchange (e.g. ``2330.TW``), empty for domestic issuers.
    foreign_trading_symbol: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    #: EDGAR state/country code (``CA``, ``X1``, ``A6``...), as filed.
    state: str | None = None
    zip_code: str | None = None
    state_description: str | None = None
    #: X0609+ (2026): the non-US address flag, state or territory text and Appendix H country code.
    non_us: bool | None = None
    non_us_state_territory: str | None = None
    country: str | None = None
    good_address: bool | None = None


@dataclass(frozen=True, slots=True)
class Relationship:
    is_director: bool = False
    is_officer: bool = False
    is_ten_percent_owner: bool = False
    is_other: bool = False
    officer_title: str | None = None
    other_text: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The SEC data set's spelling: ``Director``, ``Officer``, ``TenPercentOwner``, ``Other``."""
        out = []
        if self.is_director:
            out.append("Director")
        if self.is_officer:
            out.append("Officer")
        if self.is_ten_percent_owner:
            out.append("TenPercentOwner")
        if self.is_other:
            out.append("Other")
        return tuple(out)


@dataclass(frozen=True, slots=True)
class ReportingOwner:
    cik: str | None
    #: The owner's name exactly as filed (EDGAR writes "LAST FIRST MIDDLE", upper or mixed case).
    name: str | None = None
    #: CCC: the filer's confirmation code; input only, never in a disseminated copy.
    ccc: str | None = None
    address: Address | None = None
    relationship: Relationship = field(default_factory=Relationship)


@dataclass(frozen=True, slots=True)
class Coding:
    """``transactionCoding``: form type (3, 4 or 5), code letter, the K (equity swap) mark."""

    form_type: str | None = None
    code: str | None = None
    equity_swap_involved: bool | None = None
    footnote_ids: tuple[str, ...] = ()

    @property
    def voluntary(self) -> bool:
        """The V column: a Form-5 item reported early on a Form 4 (``transactionFormType`` 5)."""
        return self.form_type == "5"


@dataclass(frozen=True, slots=True)
class NonDerivativeTransaction:
    security_title: Value[str] = field(default_factory=_empty)
    transaction_date: Value[date] = field(default_factory=_empty)
    deemed_execution_date: Value[date] = field(default_factory=_empty)
    coding: Coding | None = None
    #: '' / None on time, ``E`` early, ``L`` late.
    timeliness: Value[str] = field(default_factory=_empty)
    shares: Value[Decimal] = field(default_factory=_empty)
    price_per_share: Value[Decimal] = field(default_factory=_empty)
    #: ``A`` acquired or ``D`` disposed.
    acquired_disposed: Value[str] = field(default_factory=_empty)
    shares_owned_after: Value[Decimal] = field(default_factory=_empty)
    value_owned_after: Value[Decimal] = field(default_factory=_empty)
    #: ``D`` direct or ``I`` indirect.
    direct_indirect: Value[str] = field(default_factory=_empty)
    nature_of_ownership: Value[str] = field(default_factory=_empty)

    @property
    def code(self) -> str | None:
        return self.coding.code if self.coding else None


@dataclass(frozen=True, slots=True)
class NonDerivativeHolding:
    security_title: Value[str] = field(default_factory=_empty)
    #: Only on Forms 5/5A: form type 3 marks a holding that should have been on a Form 3.
    coding: Coding | None = None
    shares_owned_after: Value[Decimal] = field(default_factory=_empty)
    value_owned_after: Value[Decimal] = field(default_factory=_empty)
    direct_indirect: Value[str] = field(default_factory=_empty)
    nature_of_ownership: Value[str] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class DerivativeTransaction:
    security_title: Value[str] = field(default_factory=_empty)
    conversion_or_exercise_price: Value[Decimal] = field(default_factory=_empty)
    transaction_date: Value[date] = field(default_factory=_empty)
    deemed_execution_date: Value[date] = field(default_factory=_empty)
    coding: Coding | None = None
    timeliness: Value[str] = field(default_factory=_empty)
    shares: Value[Decimal] = field(default_factory=_empty)
    total_value: Value[Decimal] = field(default_factory=_empty)
    price_per_share: Value[Decimal] = field(default_factory=_empty)
    acquired_disposed: Value[str] = field(default_factory=_empty)
    exercise_date: Value[date] = field(default_factory=_empty)
    expiration_date: Value[date] = field(default_factory=_empty)
    underlying_title: Value[str] = field(default_factory=_empty)
    underlying_shares: Value[Decimal] = field(default_factory=_empty)
    underlying_value: Value[Decimal] = field(default_factory=_empty)
    shares_owned_after: Value[Decimal] = field(default_factory=_empty)
    value_owned_after: Value[Decimal] = field(default_factory=_empty)
    direct_indirect: Value[str] = field(default_factory=_empty)
    nature_of_ownership: Value[str] = field(default_factory=_empty)

    @property
    def code(self) -> str | None:
        return self.coding.code if self.coding else None


@dataclass(frozen=True, slots=True)
class DerivativeHolding:
    security_title: Value[str] = field(default_factory=_empty)
    conversion_or_exercise_price: Value[Decimal] = field(default_factory=_empty)
    coding: Coding | None = None
    exercise_date: Value[date] = field(default_factory=_empty)
    expiration_date: Value[date] = field(default_factory=_empty)
    underlying_title: Value[str] = field(default_factory=_empty)
    underlying_shares: Value[Decimal] = field(default_factory=_empty)
    underlying_value: Value[Decimal] = field(default_factory=_empty)
    shares_owned_after: Value[Decimal] = field(default_factory=_empty)
    value_owned_after: Value[Decimal] = field(default_factory=_empty)
    direct_indirect: Value[str] = field(default_factory=_empty)
    nature_of_ownership: Value[str] = field(default_factory=_empty)


Row = NonDerivativeTransaction | NonDerivativeHolding | DerivativeTransaction | DerivativeHolding


@dataclass(frozen=True, slots=True)
class Footnote:
    id: str
    #: The explanation as filed; inner white space is kept, the ends are stripped.
    text: str


@dataclass(frozen=True, slots=True)
class Signature:
    name: str | None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Unknown:
    """An element the schema does not define, kept aside as its XML text."""

    where: str
    xml: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """Something the reader could not take as filed, or was unsure of: a value kept as text."""

    where: str
    message: str
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where a Filing came from: file (or ``<bytes>``), format, and the parser version."""

    path: str | None
    format: str
    parser_version: str = PARSER_VERSION


@dataclass(frozen=True, slots=True)
class FilerAddress:
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip_code: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class FormerName:
    name: str
    changed: date | None = None


@dataclass(frozen=True, slots=True)
class Filer:
    """A ``REPORTING-OWNER``, ``ISSUER`` (or older ``FILER``/``SUBJECT COMPANY``) block of the header."""

    role: str
    cik: str | None = None
    name: str | None = None
    sic: str | None = None
    irs_number: str | None = None
    state_of_incorporation: str | None = None
    fiscal_year_end: str | None = None
    form_type: str | None = None
    sec_act: str | None = None
    file_number: str | None = None
    film_number: str | None = None
    relationship: str | None = None
    business_address: FilerAddress | None = None
    mail_address: FilerAddress | None = None
    former_names: tuple[FormerName, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One ``<DOCUMENT>`` of a submission: the form itself, or EX-24 (power of attorney) and others."""

    type: str | None
    sequence: int | None = None
    filename: str | None = None
    description: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True)
class Submission:
    """What EDGAR's wrapper adds around the form: accession number, dates, filer blocks, documents."""

    accession_number: str | None
    submission_type: str | None = None
    filing_date: date | None = None
    #: EDGAR's acceptance time (US Eastern, timezone-aware): the moment the filing became public.
    acceptance_datetime: datetime | None = None
    period_of_report: date | None = None
    date_as_of_change: date | None = None
    document_count: int | None = None
    filers: tuple[Filer, ...] = ()
    documents: tuple[Document, ...] = ()

    @property
    def reporting_owner_filers(self) -> tuple[Filer, ...]:
        return tuple(f for f in self.filers if f.role == "reporting-owner")

    @property
    def issuer_filer(self) -> Filer | None:
        for f in self.filers:
            if f.role in ("issuer", "subject-company"):
                return f
        return None


_ACCESSION_RE = re.compile(r"(\d{10})-?(\d{2})-?(\d{6})")


def accession_from_name(name: str) -> str | None:
    """``0001127602-15-028697`` from a file name holding an accession number with or without dashes."""
    m = _ACCESSION_RE.search(name)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


@dataclass(frozen=True, slots=True)
class Filing:
    """One Form 3, 4 or 5 (or amendment), as filed."""

    document_type: str
    period_of_report: date | None
    issuer: Issuer
    reporting_owners: tuple[ReportingOwner, ...]
    schema_version: str | None = None
    date_of_original_submission: date | None = None
    no_securities_owned: bool | None = None
    not_subject_to_section16: bool | None = None
    form3_holdings_reported: bool | None = None
    form4_transactions_reported: bool | None = None
    #: The Rule 10b5-1(c) box (X0407 onwards); ``None`` where the schema version had none.
    aff10b5one: bool | None = None
    non_derivative_transactions: tuple[NonDerivativeTransaction, ...] = ()
    non_derivative_holdings: tuple[NonDerivativeHolding, ...] = ()
    derivative_transactions: tuple[DerivativeTransaction, ...] = ()
    derivative_holdings: tuple[DerivativeHolding, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    remarks: str | None = None
    signatures: tuple[Signature, ...] = ()
    #: From a full submission: the SGML header and the list of documents.
    submission: Submission | None = None
    #: Elements the schema does not define, kept aside.
    unknown: tuple[Unknown, ...] = ()
    #: Values that could not be read as their type, and unsure readings of rendered pages.
    notes: tuple[Note, ...] = ()
    #: Field paths this source format cannot give (a rendered page shows no CIK, for example).
    missing: tuple[str, ...] = ()
    source: Source = field(default_factory=lambda: Source(None, "xml"), compare=False)

    # -- conveniences ---------------------------------------------------------------------------------

    @property
    def form(self) -> str:
        """The base form: ``"4"`` for both ``4`` and ``4/A``."""
        return self.document_type.split("/")[0].strip()

    @property
    def is_amendment(self) -> bool:
        return self.document_type.upper().endswith("/A")

    @property
    def accession_number(self) -> str | None:
        """The submission's accession, else one found in the source file name."""
        if self.submission and self.submission.accession_number:
            return self.submission.accession_number
        if self.source.path:
            return accession_from_name(self.source.path.replace("\\", "/").rsplit("/", 1)[-1])
        return None

    @property
    def footnote_text(self) -> dict[str, str]:
        return {f.id: f.text for f in self.footnotes}

    @property
    def is_joint(self) -> bool:
        return len(self.reporting_owners) > 1

    @property
    def rows(self) -> tuple[Row, ...]:
        """Every table row: Table I transactions and holdings, then Table II."""
        return (
            *self.non_derivative_transactions,
            *self.non_derivative_holdings,
            *self.derivative_transactions,
            *self.derivative_holdings,
        )
