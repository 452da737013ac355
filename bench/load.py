"""Load generators: wrk when it is installed, else a Python client of the same shape.

Both hold a fixed number of connections busy for a fixed time against one URL and report
throughput, latency percentiles and errors (connection failures, timeouts and any status of
400 or more). Figures from the two are not comparable with each other: the Python client
spends far more CPU per request than wrk and competes with the server for the same cores.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
MARKER = "BENCH-JSON "


@dataclass(frozen=True)
class LoadResult:
    """What one bounded load against one URL measured."""

    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk_path() -> str | None:
    return shutil.which("wrk")


def wrk_version() -> str:
    # `wrk -v` prints its version and exits with status 1.
    run = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
    first = (run.stdout or run.stderr).strip().splitlines()
    return first[0].split(" [")[0] if first else "wrk"


def run_wrk(url: str, *, seconds: float, connections: int, threads: int) -> LoadResult:
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(WRK_SCRIPT),
        url,
    ]
    run = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60)
    line = next(line for line in run.stdout.splitlines() if line.startswith(MARKER))
    data = json.loads(line[len(MARKER) :])
    return LoadResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=sum(data["errors"].values()),
    )


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted `values` (0 when there are none)."""
    if not values:
        return 0.0
    rank = max(0, min(len(values) - 1, round(fraction * len(values) + 0.5) - 1))
    return values[rank]


def run_python(url: str, *, seconds: float, connections: int) -> LoadResult:
    """`connections` threads, each sending requests one after another until time is up."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    deadline = time.perf_counter() + seconds

    def worker(slot: int) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        own = latencies[slot]
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", target)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    errors[slot] += 1
                own.append(time.perf_counter() - started)
            except (OSError, http.client.HTTPException):
                errors[slot] += 1
                connection.close()
        connection.close()

    began = time.perf_counter()
    workers = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    elapsed = time.perf_counter() - began
    merged = sorted(latency for own in latencies for latency in own)
    return LoadResult(
        requests=len(merged),
        seconds=elapsed,
        p50_ms=percentile(merged, 0.50) * 1000,
        p95_ms=percentile(merged, 0.95) * 1000,
        p99_ms=percentile(merged, 0.99) * 1000,
        errors=sum(errors),
    )


def run_load(
    url: str, *, client: str, seconds: float, connections: int, threads: int
) -> LoadResult:
    if client == "wrk":
        return run_wrk(url, seconds=seconds, connections=connections, threads=threads)
    return run_python(url, seconds=seconds, connections=connections)
