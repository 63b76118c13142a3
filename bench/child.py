"""Run one command and write its wall time and peak memory as JSON.

    python -m bench.child OUTPUT.json COMMAND [ARGUMENT ...]

A process of its own, so that RUSAGE_CHILDREN sees only the measured command
and not the migrations or other commands the benchmark ran before it.
"""

import json
import resource
import subprocess
import sys
import time


def main(output_path: str, command: list[str]) -> int:
    started = time.monotonic()
    completed = subprocess.run(command, capture_output=True, text=True)
    seconds = time.monotonic() - started
    # ru_maxrss is in kilobytes on Linux.
    peak_megabytes = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(output_path, "w") as output:
        json.dump(
            {
                "seconds": round(seconds, 2),
                "peak_megabytes": round(peak_megabytes, 1),
                "returncode": completed.returncode,
                "stdout": completed.stdout[-4000:],
                "stderr": completed.stderr[-4000:],
            },
            output,
        )
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
