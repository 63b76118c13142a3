"""Public reads on a real streaming standby, writes and editors' reads on the primary.

The test makes its own primary and standby (tests/support/standby.py) and
drives the desk in a separate process pointed at them, since Django reads
its database settings once per process.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.standby import PrimaryWithStandby, cluster_available

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="replicas are PostgreSQL only"
    ),
    pytest.mark.skipif(bool(cluster_available()), reason=cluster_available() or "ok"),
]


@pytest.fixture(scope="module")
def cluster():
    made = PrimaryWithStandby()
    try:
        yield made.start()
    finally:
        made.stop()


@pytest.fixture(scope="module")
def report(cluster):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "CELERY_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=cluster.url(cluster.primary_port),
        DATABASE_REPLICA_URL=cluster.url(cluster.standby_port),
        DATABASE_CONN_MAX_AGE="0",
    )
    probe = subprocess.Popen(
        [sys.executable, "-m", "tests.support.replica_probe"],
        cwd=PROJECT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = probe.stdout.readline()
        assert ready, probe.stderr.read()
        cluster.wait_for_replay()
        probe.stdin.write("go\n")
        probe.stdin.flush()
        out, err = probe.communicate(timeout=300)
    finally:
        if probe.poll() is None:
            probe.kill()
    assert probe.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def test_public_pages_and_the_api_read_from_the_standby(report):
    public = report["public"]
    assert public["status"] == [200, 200]
    assert public["replica_in_recovery"] is True
    assert public["primary_in_recovery"] is False
    assert public["replica_queries"] > 0
    assert public["primary_queries"] == 0
    assert public["shows_title"] is True


def test_an_editor_saves_on_the_primary_and_sees_the_save_at_once(report):
    editor = report["editor"]
    assert editor["saved"] == 302
    assert editor["saved_title"] == "Ministers Agree In Baghdad"
    assert editor["replica_queries"] == 0
    assert editor["sees_own_save"] is True
