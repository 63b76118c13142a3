"""Time the CSV of a whole API list and the memory it takes, in process.

    DATABASE_URL=postgres://… python -m bench.csv_export [LIST] [QUERY]

LIST is an API collection (default ``statements``), QUERY extra filters such
as ``kind=direct``. The CSV goes through Django's test client with DEBUG off,
read piece by piece as a server would send it and thrown away; the figures
are wall time, rows, and the process's resident memory before and at its peak.
"""

import os
import resource
import sys
import time


def resident_megabytes() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def main(collection: str = "statements", query: str = "") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.update(
        DJANGO_DEBUG="0", DJANGO_API_ANON_RATE="", DJANGO_ALLOWED_HOSTS="testserver", DJANGO_SECURE_SSL_REDIRECT="0"
    )
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + "x" * 40)
    import django

    django.setup()
    from django.test import Client

    before = resident_megabytes()
    started = time.monotonic()
    response = Client().get(f"/api/v1/{collection}/?format=csv{'&' + query if query else ''}")
    assert response.status_code == 200, response.content[:300]
    lines = 0
    for piece in response.streaming_content:
        lines += piece.count(b"\r\n")
    seconds = time.monotonic() - started
    # ru_maxrss is the peak of the whole process, in kilobytes on Linux.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{collection}.csv: {lines - 1:,} rows in {seconds:.1f} s "
        f"({(lines - 1) / seconds:,.0f} rows/s); resident {before:.0f} MB before, peak {peak:.0f} MB"
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
