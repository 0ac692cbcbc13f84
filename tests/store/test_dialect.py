"""``?`` placeholders for psycopg, and schema.sql rendered for each database."""

from __future__ import annotations

from section16.store.dialect import schema_statements, to_pyformat


def test_placeholders_outside_quotes_only() -> None:
    assert to_pyformat("SELECT * FROM t WHERE a = ? AND b = ?") == "SELECT * FROM t WHERE a = %s AND b = %s"
    assert to_pyformat("SELECT '?' , \"we?rd\", ?") == "SELECT '?' , \"we?rd\", %s"
    assert to_pyformat("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', %s"
    assert to_pyformat("SELECT 1 -- why?\n, ?") == "SELECT 1 -- why?\n, %s"
    assert to_pyformat("SELECT /* ? */ ?") == "SELECT /* ? */ %s"


def test_percent_doubled_everywhere() -> None:
    assert to_pyformat("SELECT * FROM t WHERE name LIKE 'A%' AND x % 2 = ?") == (
        "SELECT * FROM t WHERE name LIKE 'A%%' AND x %% 2 = %s"
    )


def test_schema_rendered_per_database() -> None:
    duck = "\n".join(schema_statements("duckdb"))
    pg = "\n".join(schema_statements("postgresql"))
    assert "DECIMAL(38,12)" in duck and "NUMERIC" not in duck and " JSON" in duck
    assert "NUMERIC" in pg and "JSONB" in pg and "DECIMAL(38,12)" not in pg
    assert "{" not in duck and "{" not in pg
    statements = schema_statements("duckdb")
    assert all(not s.rstrip().endswith(";") for s in statements)
    assert sum(s.startswith("CREATE TABLE") for s in statements) == 11
    assert sum(s.startswith("CREATE OR REPLACE VIEW") for s in statements) == 4
