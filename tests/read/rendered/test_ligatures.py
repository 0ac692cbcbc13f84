"""A PDF printed with a font that joins letters (DejaVu) gives its text with ligature characters
("Oﬃcer", "If the form is ﬁled"): read as the letters they stand for, the same as the page without."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.ligatures import fold_ligatures

from .conftest import PAGES

_JOINED = {"ffi": "\ufb03", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}


def _joined(text: str) -> str:
    """The text as a font joining "ff", "fi", "fl" and "ffi" prints it (longest first, as fonts do)."""
    for letters, ligature in _JOINED.items():
        text = text.replace(letters, ligature)
    return text


def test_ligatures_are_spelt_out() -> None:
    assert fold_ligatures("Oﬃcer Hoﬀman ﬁled ﬂat ﬄ ﬅ ﬆ".encode()) == b"Officer Hoffman filed flat ffl st st"
    page = b"no ligature here: Officer"
    assert fold_ligatures(page) is page
    # Other characters of the same UTF-8 block (Hebrew presentation forms, U+FB1D...) stay.
    assert fold_ligatures("\ufb1d".encode()) == "\ufb1d".encode()


def test_a_page_with_ligatures_reads_as_the_page_without() -> None:
    for name in ("0000899243-20-021530.pdfminer-text.txt", "0001062993-22-007516.pdfplumber-text.txt"):
        text = (PAGES / name).read_text()
        joined = _joined(text)
        assert joined != text and "\ufb01led" in joined
        # Without folding, the form's "*" note ("If the form is ﬁled by more than one reporting
        # person") is not the form's and "Oﬃcer" no box 5 label: read by the letters, nothing differs.
        assert parse(joined.encode()) == parse(text.encode())


def test_markdown_with_ligatures_reads_as_without() -> None:
    text = (PAGES / "0000899243-20-021530.pymupdf4llm.md").read_text()
    joined = _joined(text)
    assert joined != text
    assert parse(joined.encode()) == parse(text.encode())
