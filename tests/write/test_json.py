"""section16.write.json: exact JSON of a Filing, its JSON Schema, and the way back."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import section16
from section16.cli import app
from section16.errors import ParseError
from section16.write.json import (
    filing_from_dict,
    filing_from_json,
    filing_to_dict,
    filing_to_json,
    json_schema,
    schema_text,
    shipped_schema_text,
)
from tests.conftest import FIXTURE_TXT, FIXTURE_XML, fixture_txt_files, fixture_xml_files

ALL = fixture_xml_files() + fixture_txt_files()


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(shipped_schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_shipped_schema_is_the_one_the_model_gives() -> None:
    # The file in the package is generated from the model; regenerate it with
    # python -c "from section16.write.json import schema_text as s; print(s(), end='')" > <that file>
    assert shipped_schema_text() == schema_text()
    assert json_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_fixture_validates_and_round_trips(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    filing = section16.parse(path)
    doc = json.loads(filing_to_json(filing))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, f"{errors[0].message} at {list(errors[0].path)}"
    back = filing_from_dict(doc)
    assert back == filing
    assert back.source == filing.source


def test_the_schema_rejects_what_is_not_a_filing(validator: jsonschema.Draft202012Validator) -> None:
    doc = filing_to_dict(section16.parse(FIXTURE_XML / "0000320193-20-000011.xml"))
    doc["non_derivative_transactions"][0]["shares"]["value"] = 32889.0  # a float, not an exact string
    assert not validator.is_valid(doc)
    doc = filing_to_dict(section16.parse(FIXTURE_XML / "0000320193-20-000011.xml"))
    doc["unexpected"] = 1
    assert not validator.is_valid(doc)


def test_values_numbers_and_dates_are_exact() -> None:
    filing = section16.parse(FIXTURE_TXT / "0000320193-20-000011.txt")
    doc = filing_to_dict(filing)
    row = doc["non_derivative_transactions"][0]
    assert row["shares"] == {"value": "32889", "footnotes": []}
    assert row["price_per_share"] == {"value": "28.8571", "footnotes": []}
    assert row["transaction_date"] == {"value": "2020-01-27", "footnotes": []}
    assert row["coding"] == {"form_type": "4", "code": "M", "equity_swap_involved": False, "footnote_ids": []}
    assert doc["accession_number"] == "0000320193-20-000011"
    assert doc["submission"]["acceptance_datetime"] == "2020-01-29T18:30:36-05:00"
    assert doc["source"]["format"] == "submission"


def test_footnote_ids_sit_on_each_value() -> None:
    filing = section16.parse(FIXTURE_XML / "0000899243-21-043382.xml")
    doc = filing_to_dict(filing)
    fns = {
        fid
        for table in ("non_derivative_transactions", "derivative_transactions")
        for row in doc[table]
        for v in row.values()
        if isinstance(v, dict) and "footnotes" in v
        for fid in v["footnotes"]
    }
    assert fns and fns <= {f["id"] for f in doc["footnotes"]}


def test_trailing_zeros_survive() -> None:
    text = (FIXTURE_XML / "0000899243-21-043382.xml").read_text()
    doc = filing_to_dict(section16.parse(FIXTURE_XML / "0000899243-21-043382.xml"))
    for row in doc["derivative_transactions"]:
        price = row["conversion_or_exercise_price"]["value"]
        if price is not None:
            assert f"<value>{price}</value>" in text
    back = filing_from_dict(doc)
    for row, orig in zip(back.derivative_transactions, doc["derivative_transactions"], strict=True):
        v = orig["conversion_or_exercise_price"]["value"]
        assert row.conversion_or_exercise_price.value == (Decimal(v) if v else None)
        assert str(row.conversion_or_exercise_price.value or "") == (v or "")


def test_bad_json_names_the_member() -> None:
    doc = filing_to_dict(section16.parse(FIXTURE_XML / "0000320193-20-000011.xml"))
    doc["non_derivative_transactions"][0]["transaction_date"]["value"] = "2020-13-45"
    with pytest.raises(ParseError) as e:
        filing_from_dict(doc)
    assert "non_derivative_transactions[0].transaction_date" in str(e.value)
    with pytest.raises(ParseError):
        filing_from_json("{not json")
    with pytest.raises(ParseError):
        filing_from_dict({"document_type": "4"})


def test_cli_schema_prints_the_shipped_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(shipped_schema_text())
