"""Roles from the relationship box: CEO, CFO, chairman, ... read out of free-text officer titles.

Filers type ``officerTitle`` themselves (at most 30 characters), so one role comes in many spellings:
"Chief Executive Officer", "CEO", "Pres & CEO", "Chairman of the Board and CEO", "Chf. Oper. Off.".
Roles are a bit mask so that SQL can filter on any set of them with one ``(roles & ?) <> 0``, the same on
DuckDB and PostgreSQL. A title may carry several roles ("President and CEO").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import IntFlag


class Role(IntFlag):
    CEO = 1
    CFO = 2
    CHAIRMAN = 4
    PRESIDENT = 8
    COO = 16
    GENERAL_COUNSEL = 32
    VP = 64
    DIRECTOR = 128
    TEN_PERCENT_OWNER = 256
    OTHER = 512


#: The names used in URLs, the API and the CLI, in display order.
ROLE_NAMES: dict[str, Role] = {
    "ceo": Role.CEO,
    "cfo": Role.CFO,
    "chairman": Role.CHAIRMAN,
    "president": Role.PRESIDENT,
    "coo": Role.COO,
    "general-counsel": Role.GENERAL_COUNSEL,
    "vp": Role.VP,
    "director": Role.DIRECTOR,
    "ten-percent-owner": Role.TEN_PERCENT_OWNER,
    "other": Role.OTHER,
}

ROLE_LABELS: dict[Role, str] = {
    Role.CEO: "CEO",
    Role.CFO: "CFO",
    Role.CHAIRMAN: "Chairman",
    Role.PRESIDENT: "President",
    Role.COO: "COO",
    Role.GENERAL_COUNSEL: "General Counsel",
    Role.VP: "VP",
    Role.DIRECTOR: "Director",
    Role.TEN_PERCENT_OWNER: "10% Owner",
    Role.OTHER: "Other",
}

#: Officer roles: "officer purchases" means a purchase by someone holding one of these.
OFFICER_ROLES = Role.CEO | Role.CFO | Role.PRESIDENT | Role.COO | Role.GENERAL_COUNSEL | Role.VP | Role.CHAIRMAN


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# "Vice" turns a president or chairman into a different role: the look-behinds keep
# "Senior Vice President" out of PRESIDENT and "Vice Chairman" out of CHAIRMAN.
_TITLE_RULES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.CEO, _rx(r"\bc\.?e\.?o\b|chief\s+exec|principal\s+exec|\bchf\.?\s+exec")),
    (Role.CFO, _rx(r"\bc\.?f\.?o\b|chief\s+fin|principal\s+fin|\bchf\.?\s+fin")),
    (Role.CHAIRMAN, _rx(r"(?<!vice\s)(?<!vice-)(?<!vice )\bchair(man|woman|person|mn)?\b|\bcob\b")),
    (Role.PRESIDENT, _rx(r"(?<!vice\s)(?<!vice-)(?<!\bv\.)(?<!\bvice)\bpres(ident|\.|\b)")),
    (Role.COO, _rx(r"\bc\.?o\.?o\b|chief\s+oper|\bchf\.?\s+oper")),
    (Role.GENERAL_COUNSEL, _rx(r"\bgen(eral|\.)?\s*counsel|\bgc\b|chief\s+legal|\bclo\b")),
    (Role.VP, _rx(r"vice[\s-]*pres|\b[se]?vp\b|\bv\.\s*p\b|\bsr\.?\s+vp\b")),
)


def roles_from_title(title: str | None) -> Role:
    """The officer roles an ``officerTitle`` names; ``Role(0)`` when it names none of them."""
    if not title:
        return Role(0)
    found = Role(0)
    for role, rx in _TITLE_RULES:
        if rx.search(title):
            found |= role
    return found


def classify(
    *,
    is_director: bool,
    is_officer: bool,
    is_ten_percent_owner: bool,
    is_other: bool,
    officer_title: str | None,
    other_text: str | None = None,
) -> Role:
    """Every role of one reporting owner, from the four boxes and the titles.

    An officer whose title names none of the listed roles (e.g. "Chief Accounting Officer") is OTHER,
    as is anyone who ticked only the "Other" box. The title is read even when the officer box is not
    ticked, since filers often put "CEO" in ``otherText`` or fill the title without the box.
    """
    roles = roles_from_title(officer_title) | roles_from_title(other_text)
    if is_director:
        roles |= Role.DIRECTOR
    if is_ten_percent_owner:
        roles |= Role.TEN_PERCENT_OWNER
    named = roles & ~(Role.DIRECTOR | Role.TEN_PERCENT_OWNER)
    if (is_officer or is_other) and not named:
        roles |= Role.OTHER
    if not roles:
        roles = Role.OTHER
    return roles


def role_mask(names: Iterable[str]) -> int:
    """The bit mask for role names as used in URLs (``ceo``, ``general-counsel``...).

    Raises ValueError naming the unknown role and the allowed ones.
    """
    mask = 0
    for raw in names:
        name = raw.strip().lower().replace("_", "-").replace(" ", "-")
        if name in ("10%", "10-percent-owner", "ten-percent", "10pct"):
            name = "ten-percent-owner"
        if name in ("gc", "counsel"):
            name = "general-counsel"
        if name == "chair":
            name = "chairman"
        role = ROLE_NAMES.get(name)
        if role is None:
            allowed = ", ".join(ROLE_NAMES)
            raise ValueError(f"unknown role {raw!r}; roles are: {allowed}")
        mask |= role
    return mask


def role_labels(mask: int) -> list[str]:
    """Display labels for a mask, in the fixed display order."""
    return [label for role, label in ROLE_LABELS.items() if mask & role]
