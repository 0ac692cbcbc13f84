# The compiled loops of pdf_pdfium (built from _pdf_runs_c.pyx when a C compiler is there).
def runs(
    text_page: int,
    box_fn: int,
    matrix_fn: int,
    size_fn: int,
    units: str,
    height: float,
    x_tolerance: float,
    hidden_space: float,
) -> list[tuple[str, float, float, float, float, float, bool, bool]]: ...
def paths(page: int, fns: tuple[int, ...]) -> list[tuple[int, int, bool, bool, float, float, float, float, bool]]: ...
