"""A throwaway PostgreSQL primary with a streaming standby, for the replica tests.

Both live in a temporary folder, on free ports, owned by the ``postgres``
user (the tests run as root and PostgreSQL refuses to run as root); the
machine's own PostgreSQL is not touched. ``stop()`` stops both and removes
the folder.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import closing, suppress
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*command: str) -> subprocess.CompletedProcess:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    result = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def cluster_available() -> str:
    """Return why a cluster cannot be made here, or "" when it can."""
    if not (PG_BIN / "initdb").exists():
        return f"no PostgreSQL binaries in {PG_BIN}"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser"
    return ""


class PrimaryWithStandby:
    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="desk-replica-"))
        os.chmod(self.folder, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self.primary_dir, self.standby_dir = self.folder / "primary", self.folder / "standby"
        self.primary_port, self.standby_port = free_port(), free_port()
        self.started: list[Path] = []

    def url(self, port: int, database: str = "desk") -> str:
        return f"postgres://postgres@127.0.0.1:{port}/{database}"

    def start(self) -> "PrimaryWithStandby":
        as_postgres(str(PG_BIN / "initdb"), "-D", str(self.primary_dir), "--auth=trust", "-U", "postgres")
        with open(self.primary_dir / "pg_hba.conf", "a") as hba:
            hba.write("host replication postgres 127.0.0.1/32 trust\n")
        with open(self.primary_dir / "postgresql.conf", "a") as conf:
            conf.write("wal_level = replica\nmax_wal_senders = 4\nfsync = off\nsynchronous_commit = off\n")
        self._pg_ctl_start(self.primary_dir, self.primary_port)
        as_postgres(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.primary_port), "desk")
        as_postgres(
            str(PG_BIN / "pg_basebackup"),
            "-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres",
            "-D", str(self.standby_dir), "-R", "-X", "stream",
        )  # fmt: skip
        self._pg_ctl_start(self.standby_dir, self.standby_port)
        return self

    def _pg_ctl_start(self, data: Path, port: int) -> None:
        options = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1"
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(data) + ".log", "-w", "start")
        self.started.append(data)

    def wait_for_replay(self, timeout: float = 30) -> None:
        """Wait until the standby has replayed everything the primary wrote so far."""
        import psycopg

        with psycopg.connect(self.url(self.primary_port), autocommit=True) as primary:
            target = primary.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
        deadline = time.monotonic() + timeout
        with psycopg.connect(self.url(self.standby_port), autocommit=True) as standby:
            while time.monotonic() < deadline:
                behind = standby.execute("SELECT pg_wal_lsn_diff(%s, pg_last_wal_replay_lsn()) > 0", [target])
                if not behind.fetchone()[0]:
                    return
                time.sleep(0.1)
        raise TimeoutError("the standby did not catch up")

    def stop(self) -> None:
        for data in reversed(self.started):
            with suppress(RuntimeError):  # Already down; the folder goes anyway.
                as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
