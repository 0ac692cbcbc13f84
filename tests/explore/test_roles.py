"""Roles read from real officer titles (every spelling below occurs in the corpus)."""

from __future__ import annotations

import pytest

from section16.explore.roles import Role, classify, role_labels, role_mask, roles_from_title

R = Role


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("CEO", R.CEO),
        ("Chairman of the Board and CEO", R.CEO | R.CHAIRMAN),
        ("President and CEO", R.CEO | R.PRESIDENT),
        ("Senior Vice President, CFO", R.CFO | R.VP),
        ("SVP, GC and Secretary", R.GENERAL_COUNSEL | R.VP),
        ("VP, Gen Counsel&Corp Secretary", R.GENERAL_COUNSEL | R.VP),
        ("Chief Legal Officer", R.GENERAL_COUNSEL),
        ("Chf. Oper. Off. & Pres.", R.COO | R.PRESIDENT),
        ("EVP and Co-COO", R.COO | R.VP),
        ("Executive Chair", R.CHAIRMAN),
        ("Senior Vice President", R.VP),
        ("Vice-President", R.VP),
        ("Vice Chairman", Role(0)),  # a vice chairman is not the chairman
        ("Chief Accounting Officer", Role(0)),
        ("", Role(0)),
        (None, Role(0)),
    ],
)
def test_roles_from_title(title: str | None, roles: Role) -> None:
    assert roles_from_title(title) == roles


def test_classify_adds_boxes_and_other() -> None:
    assert classify(is_director=True, is_officer=False, is_ten_percent_owner=True, is_other=False,
                    officer_title=None) == R.DIRECTOR | R.TEN_PERCENT_OWNER  # fmt: skip
    # An officer whose title names no listed role is "other".
    assert classify(is_director=False, is_officer=True, is_ten_percent_owner=False, is_other=False,
                    officer_title="Chief Accounting Officer") == R.OTHER  # fmt: skip
    assert classify(is_director=False, is_officer=False, is_ten_percent_owner=False, is_other=True,
                    officer_title=None, other_text="CEO of subsidiary") == R.CEO  # fmt: skip


def test_role_mask_and_labels() -> None:
    assert role_mask(["ceo", "10%", "GC"]) == R.CEO | R.TEN_PERCENT_OWNER | R.GENERAL_COUNSEL
    assert role_labels(R.CEO | R.DIRECTOR) == ["CEO", "Director"]
    with pytest.raises(ValueError, match="unknown role 'king'"):
        role_mask(["king"])
