"""The words a filer may write instead of EDGAR's letters: transaction codes, directions, ownership."""

from __future__ import annotations

from ..codes import XSD_TRANSACTION_CODES

#: Transaction-code words -> letter (Form 4, Instruction 8). Letters themselves are accepted too.
CODE_WORDS: dict[str, str] = {
    "purchase": "P",
    "buy": "P",
    "sale": "S",
    "sell": "S",
    "grant": "A",
    "award": "A",
    "disposition-to-issuer": "D",
    "tax-withholding": "F",
    "withholding": "F",
    "payment-of-exercise-price": "F",
    "discretionary": "I",
    "exercise": "M",
    "conversion": "C",
    "expiration-short": "E",
    "expiration": "H",
    "cancellation": "H",
    "exercise-out-of-the-money": "O",
    "exercise-in-the-money": "X",
    "gift": "G",
    "small-acquisition": "L",
    "will": "W",
    "inheritance": "W",
    "voting-trust": "Z",
    "other": "J",
    "tender": "U",
}

#: The direction a code implies, by table: (Table I, Table II). ``None``: the filer must say.
DEFAULT_DIRECTION: dict[str, tuple[str | None, str | None]] = {
    "P": ("A", "A"),
    "S": ("D", "D"),
    "A": ("A", "A"),
    "D": ("D", "D"),
    "F": ("D", "D"),
    "L": ("A", "A"),
    "U": ("D", "D"),
    # An exercise or conversion takes the derivative away (Table II) and brings the shares (Table I).
    "M": ("A", "D"),
    "X": ("A", "D"),
    "O": ("A", "D"),
    "C": ("A", "D"),
    "E": (None, "D"),
    "H": (None, "D"),
}

DIRECTION_WORDS: dict[str, str] = {
    "a": "A",
    "acquired": "A",
    "acquisition": "A",
    "d": "D",
    "disposed": "D",
    "disposition": "D",
}

OWNERSHIP_WORDS: dict[str, str] = {"d": "D", "direct": "D", "i": "I", "indirect": "I"}

TIMELINESS_WORDS: dict[str, str] = {"e": "E", "early": "E", "l": "L", "late": "L", "on-time": "", "": ""}


def _key(word: str) -> str:
    return "-".join(word.strip().lower().replace("_", " ").split())


def code_letter(word: str) -> str | None:
    """``S`` for ``sale``, ``S`` or ``s``; None when the word is not a transaction code."""
    k = _key(word)
    if len(k) == 1 and k.upper() in XSD_TRANSACTION_CODES:
        return k.upper()
    return CODE_WORDS.get(k)


def word(table: dict[str, str], text: str) -> str | None:
    return table.get(_key(text))
