"""Where the EDGAR settings come from, and the refusals: no User-Agent, no contact, too fast for sec.gov."""

from __future__ import annotations

from pathlib import Path

import pytest

from section16.edgar.config import DATA_URL, WWW_URL, config_path, is_sec_host, load_config
from section16.errors import ConfigError

UA = "Jane Doe Research jane@example.com"


def test_no_user_agent_refuses_and_says_how_to_set_it(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    with pytest.raises(ConfigError) as e:
        load_config(env=env)
    msg = str(e.value)
    assert "--user-agent" in msg and "SECTION16_USER_AGENT" in msg
    assert str(tmp_path / "section16" / "config.toml") in msg


@pytest.mark.parametrize("ua", ["section16", "python-httpx/0.28", "jane@example.com", "Jane Doe <no mail>"])
def test_user_agent_without_a_contact_is_refused(ua: str) -> None:
    with pytest.raises(ConfigError, match="contact e-mail"):
        load_config(user_agent=ua, env={})


def test_option_beats_environment_beats_file(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[edgar]\nuser_agent = "From File file@example.com"\nrate = 4\nblock_pause = 30\n')
    env = {"SECTION16_CONFIG": str(cfg)}
    c = load_config(env=env)
    assert (c.user_agent, c.rate, c.block_pause) == ("From File file@example.com", 4.0, 30.0)
    env["SECTION16_USER_AGENT"] = "From Env env@example.com"
    env["SECTION16_EDGAR_RATE"] = "2.5"
    c = load_config(env=env)
    assert (c.user_agent, c.rate) == ("From Env env@example.com", 2.5)
    c = load_config(user_agent=UA, rate=1, env=env)
    assert (c.user_agent, c.rate) == (UA, 1.0)


def test_default_config_file_is_in_the_xdg_config_home(tmp_path: Path) -> None:
    (tmp_path / "section16").mkdir()
    (tmp_path / "section16" / "config.toml").write_text(f'[edgar]\nuser_agent = "{UA}"\n')
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert config_path(env) == tmp_path / "section16" / "config.toml"
    assert load_config(env=env).user_agent == UA


def test_broken_config_file_is_named(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[edgar\nuser_agent = 1")
    with pytest.raises(ConfigError, match=str(cfg)):
        load_config(env={"SECTION16_CONFIG": str(cfg)})


def test_base_urls() -> None:
    c = load_config(user_agent=UA, env={})
    assert (c.www_url, c.data_url) == (WWW_URL, DATA_URL)
    c = load_config(user_agent=UA, edgar_url="http://127.0.0.1:8000/", env={})
    assert (c.www_url, c.data_url) == ("http://127.0.0.1:8000", "http://127.0.0.1:8000")
    c = load_config(
        user_agent=UA, env={"SECTION16_EDGAR_URL": "http://mirror:1", "SECTION16_EDGAR_DATA_URL": "http://d:2"}
    )
    assert (c.www_url, c.data_url) == ("http://mirror:1", "http://d:2")
    with pytest.raises(ConfigError, match="not an http"):
        load_config(user_agent=UA, edgar_url="ftp.sec.gov", env={})


def test_rate_limit_of_ten_holds_for_sec_hosts_only() -> None:
    with pytest.raises(ConfigError, match="fair-access limit"):
        load_config(user_agent=UA, rate=11, env={})
    with pytest.raises(ConfigError, match="above 0"):
        load_config(user_agent=UA, rate=0, env={})
    assert load_config(user_agent=UA, rate=7, env={}).rate == 7
    assert load_config(user_agent=UA, rate=50, edgar_url="http://127.0.0.1:9", env={}).rate == 50
    assert is_sec_host("https://www.sec.gov") and is_sec_host("https://data.sec.gov/x")
    assert not is_sec_host("http://127.0.0.1:8000") and not is_sec_host("https://notsec.gov.example")
