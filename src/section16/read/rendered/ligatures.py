"""Typographic ligatures a PDF's text keeps, spelt out as the letters they join.

A PDF printed with a font that joins letters (DejaVu, chromium's fallback where the form's Times and
Arial are missing) maps each joined glyph to one ligature character, and text libraries (pdfminer.six,
pypdf, MarkItDown) give it as such: "Oﬃcer", "Hoﬀman", "If the form is ﬁled". The form's own words are
then not found (the form's "*" note read as footnote 1) and values hold characters no filing holds.
The corpus's XML holds none of these characters, nor does any SEC page: each is the PDF's, and stands
for its letters (Unicode's compatibility decomposition).
"""

from __future__ import annotations

#: U+FB00 to U+FB06, the Latin ligatures, and their letters.
_LETTERS = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
#: How U+FB00 to U+FB3F open in UTF-8: a page without these bytes holds no ligature (looked for at C speed).
_UTF8_LEAD = b"\xef\xac"


def fold_ligatures(data: bytes) -> bytes:
    """The page's bytes (UTF-8) with each ligature character spelt out; the bytes themselves when the
    page holds none."""
    if _UTF8_LEAD not in data:
        return data
    text = data.decode("utf-8", errors="replace")
    folded = text.translate(_LETTERS)
    return data if folded == text else folded.encode()
