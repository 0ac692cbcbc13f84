"""How to reach EDGAR: the declared User-Agent, the base URLs, the request rate and the block pause.

Each setting comes from, in order: the command-line option (the ``explicit`` argument), an environment
variable, the config file, a default. The config file is TOML, ``$SECTION16_CONFIG`` or
``$XDG_CONFIG_HOME/section16/config.toml`` (``~/.config/section16/config.toml``)::

    [edgar]
    user_agent = "Jane Doe Research jane@example.com"
    rate = 8             # requests per second, at most 10 against sec.gov
    block_pause = 600    # seconds to stop after a 403 "undeclared automated tool" page

There is no default User-Agent: the SEC asks every automated client to name itself and give a
contact, and a client that does not is blocked, so section16 refuses to start without one.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError
from .ratelimit import SEC_MAX_RATE

ENV_USER_AGENT = "SECTION16_USER_AGENT"
ENV_EDGAR_URL = "SECTION16_EDGAR_URL"
ENV_EDGAR_DATA_URL = "SECTION16_EDGAR_DATA_URL"
ENV_RATE = "SECTION16_EDGAR_RATE"
ENV_BLOCK_PAUSE = "SECTION16_EDGAR_BLOCK_PAUSE"
ENV_CONFIG = "SECTION16_CONFIG"

WWW_URL = "https://www.sec.gov"
DATA_URL = "https://data.sec.gov"
#: The SEC blocks an undeclared or too fast client for about ten minutes.
BLOCK_PAUSE = 600.0

# "<name> <contact>": some words, then an e-mail address (the SEC's sample is
# "Sample Company Name AdminContact@<sample company domain>.com").
_UA_RE = re.compile(r"^\S.*\s+[^\s@]+@[^\s@]+\.[^\s@]+$")

_HOW_TO = (
    "EDGAR requires a declared User-Agent naming you and a contact e-mail, for example "
    '"Jane Doe Research jane@example.com". Set it with --user-agent, with the environment variable '
    f'{ENV_USER_AGENT}, or in {{config}} as:\n\n    [edgar]\n    user_agent = "Jane Doe Research jane@example.com"'
)


@dataclass(frozen=True, slots=True)
class EdgarConfig:
    user_agent: str
    #: Base of www.sec.gov-style paths (``/Archives/edgar/...``).
    www_url: str = WWW_URL
    #: Base of data.sec.gov-style paths (``/submissions/CIK##########.json``).
    data_url: str = DATA_URL
    rate: float = SEC_MAX_RATE
    block_pause: float = BLOCK_PAUSE
    #: Attempts per request for 429, 5xx, timeouts and broken responses.
    attempts: int = 6
    #: Seconds before the first retry; doubled each time (with jitter), at most ``max_backoff``.
    backoff: float = 1.0
    max_backoff: float = 60.0
    timeout: float = 30.0


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG]).expanduser()
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "section16" / "config.toml"


def _file_settings(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the config file: {e}") from None
    edgar = data.get("edgar", {})
    if not isinstance(edgar, dict):
        raise ConfigError(f"{path}: [edgar] must be a table")
    return edgar


def _number(value: object, name: str, where: str) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: {name} must be a number, not {value!r}") from None


def _base_url(url: str, where: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{where}: not an http(s) base URL: {url!r}")
    return url.rstrip("/")


def is_sec_host(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "sec.gov" or host.endswith(".sec.gov")


def check_user_agent(user_agent: str | None, where: str) -> str:
    ua = (user_agent or "").strip()
    if not ua:
        raise ConfigError("no User-Agent declared. " + _HOW_TO.format(config=where))
    if not _UA_RE.match(ua):
        raise ConfigError(
            f"the User-Agent {ua!r} (from {where}) does not end with a contact e-mail. " + _HOW_TO.format(config=where)
        )
    return ua


def load_config(
    *,
    user_agent: str | None = None,
    edgar_url: str | None = None,
    edgar_data_url: str | None = None,
    rate: float | None = None,
    block_pause: float | None = None,
    env: Mapping[str, str] | None = None,
) -> EdgarConfig:
    """The settings from options (the arguments), environment and config file, checked.

    ``edgar_url`` alone points both bases at one server (what a local mirror or test server serves).
    A rate above 10 requests per second is refused for sec.gov hosts.
    """
    env = os.environ if env is None else env
    path = config_path(env)
    fs = _file_settings(path)

    def pick(opt: object, env_name: str, key: str) -> tuple[object, str]:
        if opt is not None:
            return opt, "the command line"
        if env.get(env_name):
            return env[env_name], f"${env_name}"
        if key in fs:
            return fs[key], str(path)
        return None, ""

    ua, ua_where = pick(user_agent, ENV_USER_AGENT, "user_agent")
    ua_str = check_user_agent(str(ua) if ua is not None else None, ua_where or str(path))

    www, www_where = pick(edgar_url, ENV_EDGAR_URL, "url")
    www_str = _base_url(str(www), www_where) if www is not None else WWW_URL
    data, data_where = pick(edgar_data_url, ENV_EDGAR_DATA_URL, "data_url")
    # One base URL given alone serves both kinds of path (a mirror or a test server).
    data_str = _base_url(str(data), data_where) if data is not None else (DATA_URL if www is None else www_str)

    r, r_where = pick(rate, ENV_RATE, "rate")
    rate_f = _number(r, "rate", r_where) if r is not None else SEC_MAX_RATE
    if rate_f <= 0:
        raise ConfigError(f"{r_where}: rate must be above 0 requests per second, not {rate_f:g}")
    if rate_f > SEC_MAX_RATE and (is_sec_host(www_str) or is_sec_host(data_str)):
        raise ConfigError(
            f"{r_where}: rate {rate_f:g} is above the SEC's fair-access limit of {SEC_MAX_RATE:g} requests per second"
        )

    p, p_where = pick(block_pause, ENV_BLOCK_PAUSE, "block_pause")
    pause_f = _number(p, "block_pause", p_where) if p is not None else BLOCK_PAUSE
    if pause_f < 0:
        raise ConfigError(f"{p_where}: block_pause must not be negative")

    return EdgarConfig(user_agent=ua_str, www_url=www_str, data_url=data_str, rate=rate_f, block_pause=pause_f)
