# The compiled loops of pdf_pdfium (built from _pdf_runs_c.pyx when a C compiler is there).
from typing import Any

def runs(
    text_page: int,
    box_fn: int,
    matrix_fn: int,
    size_fn: int,
    units: str,
    height: float,
    x_tolerance: float,
    hidden_space: float,
    hidden_share: float,
) -> list[tuple[str, float, float, float, float, float, bool, bool]]: ...
def paths(page: int, fns: tuple[int, ...]) -> list[tuple[int, int, bool, bool, float, float, float, float, bool]]: ...
def words(
    runs: list[tuple[str, float, float, float, float, float, bool, bool]], y_tolerance: float, x_tolerance: float
) -> list[tuple[str, float, float, float, float]]: ...
def rules(
    page: int, fns: tuple[int, ...], more_fns: tuple[int, ...], height: float, small_shape: float
) -> tuple[
    list[tuple[float, float, float]], list[tuple[float, float, float]], list[tuple[float, float, float, float]]
]: ...
def layout(
    words: list[Any], line_tolerance: float, points_per_column: float
) -> tuple[list[str], float, list[float]]: ...
