"""The two SQL dialects: rendering schema.sql, and ``?`` placeholders for PostgreSQL.

section16 SQL uses ``?`` for parameters everywhere (DuckDB's own style). For PostgreSQL (psycopg's
``%s`` style) :func:`to_pyformat` rewrites each ``?`` outside quotes and comments to ``%s`` and doubles
every literal ``%`` so that ``LIKE 'A%'`` keeps working.
"""

from __future__ import annotations

from importlib import resources
from typing import Literal

Dialect = Literal["duckdb", "postgresql"]

#: Schema version written to schema_info; a store of another version must be rebuilt.
SCHEMA_VERSION = "1"

_TYPES: dict[Dialect, dict[str, str]] = {
    "duckdb": {"decimal": "DECIMAL(38,12)", "json": "JSON", "timestamptz": "TIMESTAMPTZ"},
    "postgresql": {"decimal": "NUMERIC", "json": "JSONB", "timestamptz": "TIMESTAMPTZ"},
}


def schema_text() -> str:
    """schema.sql as shipped, with its ``{decimal}``/``{json}``/``{timestamptz}`` placeholders."""
    return (resources.files(__package__) / "schema.sql").read_text(encoding="utf-8")


def schema_statements(dialect: Dialect) -> list[str]:
    """schema.sql rendered for one database, split into statements."""
    text = schema_text()
    for key, sql_type in _TYPES[dialect].items():
        text = text.replace("{" + key + "}", sql_type)
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("--")]
    # Statements end with ';' at the end of a line; no statement in schema.sql has one inside it.
    out: list[str] = []
    current: list[str] = []
    for ln in lines:
        current.append(ln.split(" --", 1)[0].rstrip())
        if ln.rstrip().endswith(";"):
            stmt = "\n".join(current).strip().rstrip(";").strip()
            if stmt:
                out.append(stmt)
            current = []
    return out


def to_pyformat(sql: str) -> str:
    """``?`` placeholders -> ``%s`` (outside quotes and comments); literal ``%`` doubled."""
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in ("'", '"'):
            j = i + 1
            while j < n:
                if sql[j] == ch:
                    if j + 1 < n and sql[j + 1] == ch:  # doubled quote inside the literal
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i : j + 1].replace("%", "%%"))
            i = j + 1
        elif ch == "-" and sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j < 0 else j
            out.append(sql[i:j].replace("%", "%%"))
            i = j
        elif ch == "/" and sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(sql[i:j].replace("%", "%%"))
            i = j
        elif ch == "?":
            out.append("%s")
            i += 1
        elif ch == "%":
            out.append("%%")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)
