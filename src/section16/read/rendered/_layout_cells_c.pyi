# The compiled row search of layout_cells (built from _layout_cells_c.pyx when a C compiler is there).
from collections.abc import Callable, Sequence
from typing import Any

def search(
    mids: list[list[float]],
    starts: list[float],
    kinds: list[int],
    di: int,
    di_words: list[bool],
    lone: list[bool],
    banned: list[int],
    dup: Sequence[Sequence[bool]] | None,
    far_off: float,
    di_far: float,
    lone_cost: float,
    max_typed: int,
    check: Callable[[int, int, int], bool],
    chars: list[int] | None = None,
    banned_chars: list[int] | None = None,
) -> list[tuple[int, int]] | None: ...
def line_tokens(line: str, number: int, tok: type[Any], dashes: Callable[[str], object]) -> tuple[Any, ...]: ...
def line_chunks(line: str, number: int, chunk: type[Any], dashes: Callable[[str], object]) -> tuple[Any, ...]: ...
def band_cost(
    band: list[int],
    middle: float,
    runs: Any,
    kind: Callable[[str], tuple[bool, bool, bool, bool, int, bool, bool, bool, bool]],
    x0: Callable[[Any], int],
    stacked: float,
    after_mark: float,
    by_start: float,
    unbalanced: float,
    lone_mark: float,
    mark_weight: float,
    gapped: float,
    wrapped_marks: int,
) -> float: ...
def heading_line(line: str, words_ok: frozenset[str], is_heading: Callable[[str], bool]) -> bool | None: ...
def units(
    toks: list[Any], one_value: bool, word_kind: Callable[[str], str], mark: Callable[[str], object]
) -> list[list[Any]]: ...
