"""Render ownership XML as the pages people read: SEC stylesheet HTML, then Markdown, text and PDF.

Used by ``bench/rendered_accuracy.py`` and by ``tests/fixtures/rendered/make_fixtures.py``. Converters
that are external programs (pandoc, chromium, pdftotext) are found on PATH; a missing one is reported
by :func:`available`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from lxml import etree

XSL_DIR = Path(__file__).resolve().parents[1] / "src" / "section16" / "data" / "xsl"


def stylesheet_name(document_type: str, schema_version: str | None) -> str:
    """The stylesheet EDGAR used for this form in this schema era."""
    form = document_type.split("/")[0].strip() or "4"
    era = {"X0407": "07", "X0508": "08", "X0609": "09"}.get(schema_version or "", "06")
    if form == "3":
        era = "06" if era == "06" else "07"
    return f"{form}_X{era}.xsl"


@cache
def _xslt(name: str) -> etree.XSLT:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XSLT(etree.parse(str(XSL_DIR / name), parser))


def render_html(xml: bytes, document_type: str, schema_version: str | None) -> str:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    doc = etree.fromstring(xml, parser).getroottree()
    return str(_xslt(stylesheet_name(document_type, schema_version))(doc))


def markdownify_md(html: str) -> str:
    import markdownify

    return str(markdownify.markdownify(html))


def html2text_md(html: str) -> str:
    import html2text

    return str(html2text.html2text(html))


def _run(cmd: list[str], data: bytes, timeout: float = 60) -> bytes:
    return subprocess.run(cmd, input=data, capture_output=True, check=True, timeout=timeout).stdout


def pandoc(html: str, to: str) -> str:
    return _run(["pandoc", "-f", "html", "-t", to, "--wrap=none"], html.encode()).decode()


#: The face a machine without Liberation prints every font of the page in: the SEC page asks Arial
#: and the browser's default (Times New Roman), for which fontconfig has only metric-compatible
#: Liberation Sans/Serif as stand-ins; a fresh Debian (chromium installed --no-install-recommends)
#: has only DejaVu, and chromium then prints all of the page in DejaVu Sans (pdffonts of such prints),
#: wider than Liberation: cells wrap and columns fall elsewhere.
DEJAVU = "DejaVu Sans"


def chromium_pdf(html: str, landscape: bool = True, font: str | None = None) -> bytes:
    """The page printed by headless chromium; ``font``: every text in that face (bold and italics
    kept), as a machine whose only fonts are that family prints it whatever fonts are installed."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory() as d:
        src, out = Path(d) / "page.html", Path(d) / "page.pdf"
        # Landscape so the 16 columns of Table II fit the page, as a reader printing it would choose;
        # or chromium's own default (Letter, portrait) for the held-out print.
        style = "<style>@page { size: A4 landscape; margin: 8mm }</style>" if landscape else ""
        if font is not None:
            style += f'<style>* {{ font-family: "{font}" !important }}</style>'
        src.write_text(html.replace("<head>", "<head>" + style, 1) if style else html)
        subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={out}", src.as_uri()],
            capture_output=True, check=True, timeout=120,
        )  # fmt: skip
        return out.read_bytes()


def chromium_pdf_fit(html: str) -> bytes:
    """The page printed by chromium scaled to fit the paper's width, as its print dialog's "fit to
    page width" does: headless ``--print-to-pdf`` cuts what a page lays out wider than the paper
    (long footnotes, remarks), and such text is not in the PDF at all. Driven by Playwright."""
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    printable = round((297 - 16) / 25.4 * 96)  # A4 landscape less 8 mm margins, in CSS pixels
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"], headless=True)
        try:
            page = browser.new_page(viewport={"width": printable, "height": 800})
            page.set_content(html)
            page.emulate_media(media="print")
            width = page.evaluate("document.documentElement.scrollWidth")
            scale = max(0.1, min(1.0, printable / max(width, 1)))
            return page.pdf(format="A4", landscape=True, scale=scale,
                            margin={"top": "8mm", "bottom": "8mm", "left": "8mm", "right": "8mm"})  # fmt: skip
        finally:
            browser.close()


def weasyprint_pdf(html: str, landscape: bool = True) -> bytes:
    """The page printed by weasyprint (issue 3 names it beside chromium): landscape like the chromium
    print, or weasyprint's own default (A4 portrait) as someone running it on the page unchanged gets."""
    import weasyprint  # the bench extra: the converter is skipped when absent

    if landscape:
        html = html.replace("<head>", "<head><style>@page { size: A4 landscape; margin: 8mm }</style>", 1)
    return bytes(weasyprint.HTML(string=html).write_pdf())


def pandoc_wrapped(html: str, to: str, *opts: str) -> str:
    """pandoc as people run it: its default wrapping at 72 columns (cells cut to fit)."""
    return _run(["pandoc", "-f", "html", "-t", to, *opts], html.encode()).decode()


def markdownify_atx(html: str) -> str:
    import markdownify

    return str(markdownify.markdownify(html, heading_style="ATX", bullets="-"))


def html2text_nowrap(html: str) -> str:
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0
    h.ignore_links = True
    return str(h.handle(html))


def inscriptis_text(html: str) -> str:
    import inscriptis  # not a dev extra: the converter is skipped when absent

    return str(inscriptis.get_text(html))


def pdftotext_raw(pdf: bytes) -> str:
    return _run(["pdftotext", "-", "-"], pdf).decode()


def pypdf_plain(pdf: bytes) -> str:
    """pypdf's text extraction in its plain mode (no layout): a PDF library's everyday output."""
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def pymupdf4llm_md(pdf: bytes) -> str:
    """Markdown made from the printed PDF by pymupdf4llm, a PDF-to-Markdown converter of the kind OCR
    and vision tools are (pipe tables with <br> in cells, words a cell boundary cut in two, bold).
    A bench-only tool (AGPL): never a dependency of the package; the converter is skipped when absent."""
    import pymupdf
    import pymupdf4llm

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return str(pymupdf4llm.to_markdown(doc, show_progress=False))


def pymupdf_text(pdf: bytes) -> str:
    """PyMuPDF's plain text of each page (``page.get_text()``), pages joined with form feeds."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return "\f".join(str(page.get_text()) for page in doc)


def w3m_dump(html: str) -> str:
    """w3m's text rendering of the page (``w3m -dump``), tables laid out in columns, 200 wide."""
    cmd = ["w3m", "-dump", "-T", "text/html", "-cols", "200", "-O", "UTF-8", "-I", "UTF-8"]
    return _run(cmd, html.encode()).decode()


def lynx_dump(html: str) -> str:
    """lynx's text rendering of the page (``lynx -dump``), 200 wide, without its list of links."""
    cmd = ["lynx", "-dump", "-stdin", "-nolist", "-width=200", "-display_charset=utf-8", "-assume_charset=utf-8"]
    return _run(cmd, html.encode()).decode()


def elinks_dump(html: str) -> str:
    """ELinks' text rendering of the page (``elinks -dump``), 200 wide, without its link numbers."""
    cmd = ["elinks", "-dump", "-dump-width", "200", "-force-html", "-no-references", "-no-numbering",
           "-dump-charset", "utf-8"]  # fmt: skip
    return _run(cmd, html.encode()).decode()


def links_dump(html: str) -> str:
    """Links 2's text rendering of the page (``links2 -dump``), 200 wide (it reads a file, not stdin)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(html)
        return _run(["links2", "-dump", "-width", "200", "-codepage", "utf-8", str(src)], b"").decode()


#: Where ``turndown.js`` finds its Node modules (``npm install turndown turndown-plugin-gfm`` there).
TURNDOWN_MODULES = Path(os.environ.get("SECTION16_NODE_MODULES", Path(__file__).with_name("node_modules")))


def turndown_md(html: str) -> str:
    """Turndown, the JavaScript HTML-to-Markdown converter, with its GitHub tables plugin (run by Node)."""
    env = {**os.environ, "NODE_PATH": str(TURNDOWN_MODULES)}
    out = subprocess.run(
        ["node", str(Path(__file__).with_name("turndown.js"))], input=html.encode(), capture_output=True,
        check=True, env=env, timeout=120,
    )  # fmt: skip
    return out.stdout.decode()


def browser_text(html: str) -> str:
    """What a browser gives for "select all, copy" (chromium's ``innerText``: a table's cells apart by
    tabs, its rows by line breaks), through Playwright."""
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"], headless=True)
        try:
            page = browser.new_page()
            page.set_content(html)
            return str(page.evaluate("document.body.innerText"))
        finally:
            browser.close()


def pdftotext_layout(pdf: bytes) -> str:
    return _run(["pdftotext", "-layout", "-", "-"], pdf).decode()


# More converters people read filings through (held out; bench-only tools, never dependencies of the
# package: each is skipped when not installed).


def markitdown_md(data: str | bytes) -> str:
    """Microsoft's MarkItDown: HTML to Markdown (markdownify underneath, nested tables flattened into
    their cells) or a PDF to its text (pdfminer underneath, with pipe tables where it finds rules)."""
    import io

    from markitdown import MarkItDown

    blob, ext = (data, ".pdf") if isinstance(data, bytes) else (data.encode(), ".html")
    return str(MarkItDown().convert_stream(io.BytesIO(blob), file_extension=ext).text_content)


def pdfminer_text(pdf: bytes) -> str:
    """pdfminer.six's ``extract_text`` with its default layout analysis."""
    import io

    from pdfminer.high_level import extract_text

    return str(extract_text(io.BytesIO(pdf)))


def pypdf_layout(pdf: bytes) -> str:
    """pypdf's text extraction in its layout mode (``extraction_mode="layout"``): text in columns."""
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text(extraction_mode="layout") for p in PdfReader(io.BytesIO(pdf)).pages)


def pdfplumber_text(pdf: bytes, layout: bool = False) -> str:
    """pdfplumber's ``extract_text()`` of each page: plain (words in reading order, one line per
    printed line) or ``layout=True`` (the page's words kept where they stand, in columns)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(str(page.extract_text(layout=layout)) for page in doc.pages)


def pdfplumber_layout(pdf: bytes) -> str:
    return pdfplumber_text(pdf, layout=True)


def html_to_markdown_md(html: str) -> str:
    """The ``html-to-markdown`` package (Rust core) with its defaults."""
    from html_to_markdown import convert

    result = convert(html)
    return str(getattr(result, "content", result))  # 3.x returns a result object, 2.x the text


def trafilatura_md(html: str) -> str:
    """trafilatura's main-text extraction as Markdown, tables and formatting kept (its boilerplate
    removal drops what it takes for page furniture)."""
    import trafilatura

    return str(trafilatura.extract(html, output_format="markdown", include_tables=True, include_formatting=True) or "")


#: Converter name -> (format it makes, function from HTML), the ones the harness runs.
CONVERTERS: dict[str, tuple[str, Callable[[str], str | bytes]]] = {
    "html": ("html", lambda h: h),
    "markdownify": ("markdown", markdownify_md),
    "html2text": ("markdown", html2text_md),
    "pandoc-gfm": ("markdown", lambda h: pandoc(h, "gfm")),
    "pandoc-plain": ("text", lambda h: pandoc(h, "plain")),
    "chromium-pdf": ("pdf", chromium_pdf),
    "pdftotext-layout": ("text", lambda h: pdftotext_layout(chromium_pdf(h))),
    "weasyprint-pdf": ("pdf", weasyprint_pdf),
    # Converters the issue does not name (the held-out set is rendered through such ones).
    "pandoc-markdown": ("markdown", lambda h: pandoc_wrapped(h, "markdown")),
    "pandoc-markdown-200": ("markdown", lambda h: pandoc_wrapped(h, "markdown", "--columns=200")),
    "pandoc-markdown-nowrap": ("markdown", lambda h: pandoc(h, "markdown")),
    "pandoc-commonmark": ("markdown", lambda h: pandoc_wrapped(h, "commonmark")),
    "pandoc-markdown-strict": ("markdown", lambda h: pandoc_wrapped(h, "markdown_strict")),
    "pandoc-markdown-mmd": ("markdown", lambda h: pandoc_wrapped(h, "markdown_mmd")),
    "pandoc-plain-72": ("text", lambda h: pandoc_wrapped(h, "plain")),
    "markdownify-atx": ("markdown", markdownify_atx),
    "html2text-nowrap": ("markdown", html2text_nowrap),
    "inscriptis": ("text", inscriptis_text),
    "pdftotext-raw": ("text", lambda h: pdftotext_raw(chromium_pdf(h))),
    "pypdf-plain": ("text", lambda h: pypdf_plain(chromium_pdf(h))),
    "weasyprint-portrait": ("pdf", lambda h: weasyprint_pdf(h, landscape=False)),
    "chromium-pdf-fit": ("pdf", chromium_pdf_fit),
    "chromium-pdf-portrait": ("pdf", lambda h: chromium_pdf(h, landscape=False)),
    "pymupdf4llm": ("markdown", lambda h: pymupdf4llm_md(chromium_pdf(h))),
    "pymupdf-text": ("text", lambda h: pymupdf_text(chromium_pdf(h))),
    "w3m-dump": ("text", w3m_dump),
    "lynx-dump": ("text", lynx_dump),
    "browser-text": ("text", browser_text),
    "markitdown": ("markdown", markitdown_md),
    "markitdown-pdf": ("text", lambda h: markitdown_md(chromium_pdf(h))),
    "pdfminer-text": ("text", lambda h: pdfminer_text(chromium_pdf(h))),
    "pypdf-layout": ("text", lambda h: pypdf_layout(chromium_pdf(h))),
    "pdfplumber-text": ("text", lambda h: pdfplumber_text(chromium_pdf(h))),
    "pdfplumber-layout": ("text", lambda h: pdfplumber_layout(chromium_pdf(h))),
    "html-to-markdown": ("markdown", html_to_markdown_md),
    "trafilatura": ("markdown", trafilatura_md),
    "pandoc-markdown-phpextra": ("markdown", lambda h: pandoc_wrapped(h, "markdown_phpextra")),
    "elinks-dump": ("text", elinks_dump),
    "links-dump": ("text", links_dump),
    "turndown": ("markdown", turndown_md),
    # pdftotext -layout of the other prints: weasyprint's, and chromium's scaled to the paper's width.
    "pdftotext-layout-weasyprint": ("text", lambda h: pdftotext_layout(weasyprint_pdf(h))),
    "pdftotext-layout-fit": ("text", lambda h: pdftotext_layout(chromium_pdf_fit(h))),
    # The chromium print on a machine without Liberation fonts (all of the page in DejaVu Sans), and
    # pdftotext -layout of it: the same page laid out in wider letters.
    "chromium-pdf-dejavu": ("pdf", lambda h: chromium_pdf(h, font=DEJAVU)),
    "pdftotext-layout-dejavu": ("text", lambda h: pdftotext_layout(chromium_pdf(h, font=DEJAVU))),
}

#: The converters above that issue 3 does not name: measured like the others, reported apart.
HELD_OUT = frozenset(
    {"pandoc-markdown", "pandoc-markdown-200", "pandoc-markdown-nowrap", "pandoc-commonmark", "pandoc-markdown-strict",
     "pandoc-markdown-mmd", "pandoc-plain-72", "markdownify-atx", "html2text-nowrap", "inscriptis", "pdftotext-raw",
     "pypdf-plain", "weasyprint-portrait", "chromium-pdf-fit",
     "chromium-pdf-portrait", "pymupdf4llm", "pymupdf-text", "w3m-dump", "lynx-dump", "browser-text",
     "markitdown", "markitdown-pdf", "pdfminer-text", "pypdf-layout", "pdfplumber-text", "pdfplumber-layout",
     "html-to-markdown", "trafilatura", "pandoc-markdown-phpextra", "pdftotext-layout-weasyprint",
     "pdftotext-layout-fit", "elinks-dump", "links-dump", "turndown", "chromium-pdf-dejavu",
     "pdftotext-layout-dejavu"}
)  # fmt: skip


#: Converters that read the chromium print: made from its cached PDF, so it is printed once.
_FROM_CHROMIUM_PDF: dict[str, Callable[[bytes], str]] = {
    "pdftotext-layout": pdftotext_layout,
    "pdftotext-raw": pdftotext_raw,
    "pypdf-plain": pypdf_plain,
    "pymupdf4llm": pymupdf4llm_md,
    "pymupdf-text": pymupdf_text,
    "markitdown-pdf": markitdown_md,
    "pdfminer-text": pdfminer_text,
    "pypdf-layout": pypdf_layout,
    "pdfplumber-text": pdfplumber_text,
    "pdfplumber-layout": pdfplumber_layout,
}

#: Converters that read another cached print: (that print's converter, the reading of its PDF).
_FROM_OTHER_PDF: dict[str, tuple[str, Callable[[bytes], str]]] = {
    "pdftotext-layout-weasyprint": ("weasyprint-pdf", pdftotext_layout),
    "pdftotext-layout-fit": ("chromium-pdf-fit", pdftotext_layout),
    "pdftotext-layout-dejavu": ("chromium-pdf-dejavu", pdftotext_layout),
}


def cached(name: str, html: str, cache: Path | None) -> str | bytes:
    """The converter's output for this page, kept in ``cache/<converter>/<sha256 of the HTML>`` so a
    second run (or the pdftotext converter, which prints the same PDF) does not convert again."""
    fmt, fn = CONVERTERS[name]
    if cache is None:
        return fn(html)
    key = hashlib.sha256(html.encode()).hexdigest()[:32]
    path = cache / name / key
    if path.exists():
        data = path.read_bytes()
        return data if fmt == "pdf" else data.decode()
    if name in _FROM_CHROMIUM_PDF:
        read = _FROM_CHROMIUM_PDF[name]
        out: str | bytes = read(cached("chromium-pdf", html, cache))  # type: ignore[arg-type]
    elif name in _FROM_OTHER_PDF:
        source, read = _FROM_OTHER_PDF[name]
        out = read(cached(source, html, cache))  # type: ignore[arg-type]
    else:
        out = fn(html)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(out if isinstance(out, bytes) else out.encode())
    tmp.replace(path)
    return out


def available(name: str) -> bool:
    needs = {"pandoc-gfm": "pandoc", "pandoc-plain": "pandoc", "chromium-pdf": "chromium",
             "pdftotext-layout": "pdftotext", "pdftotext-raw": "pdftotext",
             "pypdf-plain": "chromium", "chromium-pdf-fit": "chromium",
             "chromium-pdf-portrait": "chromium", "pymupdf4llm": "chromium",
             "pymupdf-text": "chromium", "w3m-dump": "w3m", "lynx-dump": "lynx",
             "browser-text": "chromium", "chromium-pdf-dejavu": "chromium"}.get(name)  # fmt: skip
    if name.startswith("pandoc-"):
        needs = "pandoc"
    if name in ("inscriptis", "weasyprint-pdf", "weasyprint-portrait"):
        import importlib.util

        return importlib.util.find_spec(name.split("-")[0]) is not None
    if name in ("pymupdf4llm", "pymupdf-text"):
        import importlib.util

        if importlib.util.find_spec(name.split("-")[0]) is None:
            return False
    # Python tools the bench may lack (and the module each is imported as); PDF ones need chromium too.
    module = {"markitdown": "markitdown", "markitdown-pdf": "markitdown", "pdfminer-text": "pdfminer",
              "pdfplumber-text": "pdfplumber", "pdfplumber-layout": "pdfplumber",
              "html-to-markdown": "html_to_markdown", "trafilatura": "trafilatura"}.get(name)  # fmt: skip
    if module is not None:
        import importlib.util

        if importlib.util.find_spec(module) is None:
            return False
        needs = "chromium" if name in _FROM_CHROMIUM_PDF else None
    if name == "pypdf-layout":
        needs = "chromium"
    if name in ("elinks-dump", "links-dump"):
        return shutil.which({"elinks-dump": "elinks", "links-dump": "links2"}[name]) is not None
    if name == "turndown":
        return shutil.which("node") is not None and (TURNDOWN_MODULES / "turndown").is_dir()
    if name in _FROM_OTHER_PDF:
        return shutil.which("pdftotext") is not None and available(_FROM_OTHER_PDF[name][0])
    if needs is None:
        return True
    if needs == "chromium":
        return any(shutil.which(x) for x in ("chromium", "chromium-browser", "google-chrome"))
    return shutil.which(needs) is not None
