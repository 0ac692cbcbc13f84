"""Roll-forward of holdings within one filing."""

from __future__ import annotations

from dataclasses import replace

from section16.check.rollforward import check_rollforward

from .builders import D, form4, option_exercise, sale, v


def _f(*rows: object, deriv: tuple[object, ...] = ()) -> object:
    return replace(form4(), non_derivative_transactions=rows, derivative_transactions=deriv)


def test_consistent_rows_roll_forward() -> None:
    rows = (sale(after="9000"), sale(after="8000"), sale(acquired_disposed=v("A"), after="9000"))
    assert check_rollforward(_f(*rows)) == []  # type: ignore[arg-type]


def test_a_mismatch_names_both_rows_and_the_arithmetic() -> None:
    found = check_rollforward(_f(sale(after="9000"), sale(after="7000")))  # type: ignore[arg-type]
    assert [x.where for x in found] == ["nonDerivativeTransaction[2].sharesOwnedFollowingTransaction"]
    assert "nonDerivativeTransaction[1] left 9000, minus 1000 gives 8000" in found[0].message


def test_rows_of_different_holdings_are_separate() -> None:
    trust = sale(after="500", direct_indirect=v("I"), nature_of_ownership=v("By Trust"))
    other = sale(after="300", direct_indirect=v("I"), nature_of_ownership=v("See footnote", "F1"))
    other2 = sale(after="200", direct_indirect=v("I"), nature_of_ownership=v("See footnote", "F2"))
    assert check_rollforward(_f(sale(after="9000"), trust, other, other2, sale(after="8000"))) == []  # type: ignore[arg-type]


def test_rounding_within_one_share_is_accepted() -> None:
    rows = (sale(shares="10.4", after="100"), sale(shares="10.4", after="90"))
    assert check_rollforward(_f(*rows)) == []  # type: ignore[arg-type]


def test_separate_grants_of_a_derivative_do_not_roll_into_each_other() -> None:
    g1 = option_exercise(shares_owned_after=v(D("4000")))
    g2 = option_exercise(shares_owned_after=v(D("4000")), expiration_date=v(None, "F1"))
    assert check_rollforward(_f(deriv=(g1, g2))) == []  # type: ignore[arg-type]
    same = option_exercise(shares_owned_after=v(D("4000")))
    assert len(check_rollforward(_f(deriv=(g1, same)))) == 1  # type: ignore[arg-type]
