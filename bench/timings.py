"""Medians and percentiles of request timings, in milliseconds."""

import math
import statistics


def percentile(values: list[float], fraction: float) -> float:
    """Return the nearest-rank percentile: the value below which ``fraction`` of them fall."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summarise(rounds: list[list[float]]) -> dict:
    """Return median and p95 over all rounds, and each round's median to show the spread."""
    everything = [value for timings in rounds for value in timings]
    if not everything:
        return {"requests": 0}
    return {
        "requests": len(everything),
        "median_ms": round(statistics.median(everything), 2),
        "p95_ms": round(percentile(everything, 0.95), 2),
        "round_medians_ms": [round(statistics.median(timings), 2) for timings in rounds if timings],
    }
