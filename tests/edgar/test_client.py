"""The fair-access client against the fake EDGAR: pace, retries, block pauses, missing documents."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from section16.edgar.indexes import submission_path
from section16.errors import EdgarError

from .conftest import UA, make_client, submission_files
from .fake_edgar import FakeEdgar, Fault


def _one(fake: FakeEdgar) -> tuple[str, bytes]:
    f = fake.filings[0]
    return submission_path(f.filers[0][0], f.accession), f.data


def test_user_agent_is_declared(fake: FakeEdgar) -> None:
    client = make_client(fake)
    path, data = _one(fake)
    assert client.get(client.www(path)) == data
    assert [r.user_agent for r in fake.log] == [UA]


@pytest.mark.parametrize(
    "fault",
    [
        Fault("error", status=500, times=2),
        Fault("error", status=503, times=1),
        Fault("throttle", times=2),
        Fault("truncate", times=2),
        Fault("slow", delay=1.5, times=1),
    ],
    ids=["500", "503", "429", "truncated", "slow"],
)
def test_transient_faults_are_retried(fault: Fault) -> None:
    with FakeEdgar(submission_files(), faults=[fault]) as fake:
        client = make_client(fake, timeout=0.5)
        path, data = _one(fake)
        assert client.get(client.www(path)) == data
        assert len(fake.log) == fault.fired + 1
        assert client.stats.retries == fault.fired


def test_persistent_errors_give_up_naming_the_url() -> None:
    with FakeEdgar(submission_files(), faults=[Fault("error", status=502, times=-1)]) as fake:
        client = make_client(fake, attempts=3)
        path, _ = _one(fake)
        with pytest.raises(EdgarError, match=r"gave up after 3 attempts \(HTTP 502\)") as e:
            client.get(client.www(path))
        assert path in str(e.value)
        assert len(fake.log) == 3


def test_not_found_is_an_error_unless_missing_is_ok(fake: FakeEdgar) -> None:
    client = make_client(fake)
    url = client.www("Archives/edgar/data/1/000000000199000001/0000000001-99-000001.txt")
    with pytest.raises(EdgarError, match="HTTP 404"):
        client.get(url)
    assert client.get(url, missing_ok=True) is None
    assert len(fake.log) == 2  # a 404 is not retried


def test_block_pauses_every_thread_then_resumes() -> None:
    # The server blocks on the 5th request and refuses everything for 0.3 s; the client pauses 1 s.
    with FakeEdgar(submission_files(), faults=[Fault("block", after=4)], block_seconds=0.3) as fake:
        client = make_client(fake, pause=1.0, rate=50)
        paths = [submission_path(f.filers[0][0], f.accession) for f in fake.filings[:12]]
        with ThreadPoolExecutor(4) as pool:
            bodies = list(pool.map(lambda p: client.get(client.www(p)), paths))
        assert bodies == [f.data for f in fake.filings[:12]]
        blocked = [r for r in fake.log if r.status == 403]
        assert len(blocked) >= 1 and client.stats.blocks == len(blocked)
        # After the first block no thread sent anything for the pause (a request in flight may land
        # just after it, within a few ms), and every request after the pause succeeded.
        t_block = blocked[0].t
        late = [r for r in fake.log if r.t > t_block + 0.05]
        assert late and min(r.t for r in late) >= t_block + 1.0 - 0.01
        assert all(r.status == 200 for r in late)


def test_endless_block_gives_up_with_advice() -> None:
    with FakeEdgar(submission_files(), faults=[Fault("block", times=-1)], block_seconds=0.05) as fake:
        client = make_client(fake, pause=0.1)
        path, _ = _one(fake)
        with pytest.raises(EdgarError, match=r"undeclared automated tool.*User-Agent"):
            client.get(client.www(path))
        assert client.stats.blocks == 4


def test_server_never_sees_more_than_the_rate(fake: FakeEdgar) -> None:
    client = make_client(fake, rate=40)
    paths = [submission_path(f.filers[-1][0], f.accession) for f in fake.filings] * 2
    with ThreadPoolExecutor(6) as pool:
        assert all(pool.map(lambda p: client.get(client.www(p)), paths))
    assert len(fake.log) == len(paths) > 80
    assert fake.max_in_window(1.0) <= 40
    span = fake.log[-1].t - fake.log[0].t
    assert span >= (len(paths) - 1) / 40  # paced, not bursty
