"""Benchmark: the site under load, each request's throughput against the static-file floor.

    python -m bench.run [--pages 2000] [--duration 10] [--no-cache] [--workdir DIR]

Builds a corpus in a throwaway SQLite database and media directory (the demo site, then
`--pages` press releases in Italian and English, more partners and `--documents` documents
with text), collects the static files, starts gunicorn (sync workers, production settings) on
a free loopback port, warms every URL up, then holds `--connections` connections busy on each
URL for `--duration` seconds (wrk when installed, else a Python client). It prints a table,
writes it to `bench/results/<time>.json` and says where each row stands against its target.
SQL queries per request are counted in this process, against the same database, with the
response cache off (and again with it on). Everything it started is stopped on the way out,
after an error or Ctrl-C too.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .load import LoadResult, run_load, wrk_path, wrk_version
from .server import ROOT, GunicornServer

RESULTS_DIR = ROOT / "bench" / "results"
#: Above this one-minute load average the machine is busy and figures are not to be recorded.
QUIET_LOAD = 1.5
P99_TARGET_MS = 150.0


@dataclass(frozen=True)
class Row:
    """One measured request: what it is, where, and the ratio to the floor it must reach."""

    name: str
    path: str
    target_ratio: float | None = None
    static: bool = False


@dataclass
class Measured:
    """A row's figures."""

    name: str
    path: str
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    sql_queries: int | None
    sql_queries_cached: int | None
    ratio: float = 0.0
    target_ratio: float | None = None
    verdict: str = ""
    misses: list[str] = field(default_factory=list)


def log(message: str) -> None:
    stamp = datetime.datetime.now().strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)  # noqa: T201 - progress


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--pages", type=int, default=2000, help="Italian press releases (each also in English)"
    )
    parser.add_argument("--partners", type=int, default=40, help="partners beyond the demo's")
    parser.add_argument("--documents", type=int, default=500, help="documents with text")
    parser.add_argument("--duration", type=float, default=10, help="seconds of load per URL")
    parser.add_argument(
        "--warmup", type=float, default=3, help="seconds of load per URL before measuring"
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--no-cache", action="store_true", help="serve with the response cache off")
    parser.add_argument(
        "--redis-url", default="", help="cache in this Redis (default: local memory per worker)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep the corpus here, and reuse it when it is already there (default: a temp dir, removed)",
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=120,
        help=f"seconds to wait at most, before the load, for a load average under {QUIET_LOAD}",
    )
    parser.add_argument(
        "--only", default="", help="comma-separated row names to measure (the floor always is)"
    )
    parser.add_argument(
        "--output", type=Path, help="the JSON file (default: bench/results/<time>.json)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a row misses its target"
    )
    return parser.parse_args(argv)


# --- Environment and corpus -----------------------------------------------------------------


def server_env(workdir: Path, *, response_cache: bool, redis_url: str = "") -> dict[str, str]:
    """The environment both this process and gunicorn run Django with."""
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "RESPONSE_CACHE_SECONDS": "600" if response_cache else "0",
        "RESPONSE_CACHE_GENERATION_FILE": str(workdir / "response-generation"),
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
    }
    # The benchmark measures the embedded setup whatever this shell points at.
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def corpus_ensure(workdir: Path, args) -> dict:
    """The corpus in `workdir`, built unless an earlier run left it there."""
    from django.core.management import call_command

    marker = workdir / "corpus.json"
    if marker.exists():
        log(f"reusing the corpus in {workdir} (migrating it to this code)")
        call_command("migrate", interactive=False, verbosity=0)
        from search.models import SearchRecord
        from search.services import search_records_rebuild

        if not SearchRecord.objects.exists():
            log("writing the search records the corpus predates")
            search_records_rebuild()
        return json.loads(marker.read_text())
    if (workdir / "db.sqlite3").exists():
        raise SystemExit(f"{workdir} holds an unfinished corpus: remove it and run again")
    started = time.monotonic()
    log("migrating a fresh database")
    call_command("migrate", interactive=False, verbosity=0)
    log("loading the demo site")
    call_command("load_demo", verbosity=0)
    log(
        f"adding {args.pages} press releases in two languages, {args.partners} partners, {args.documents} documents"
    )
    from .corpus import corpus_build

    corpus = asdict(
        corpus_build(pages=args.pages, partners=args.partners, documents=args.documents, log=log)
    )
    corpus["build_seconds"] = round(time.monotonic() - started, 1)
    marker.write_text(json.dumps(corpus))
    return corpus


def rows_for_corpus(pages: int) -> list[Row]:
    """The measured URLs, picked from the corpus (a release from the middle of the list)."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    from cms.home.models import PressReleasePage

    releases = (
        PressReleasePage.objects.live().filter(locale__language_code="it").order_by("-date", "pk")
    )
    release = releases[min(pages, releases.count() - 1) // 2]
    return [
        Row("home", "/it/", 0.023),
        Row("press release", release.url, 0.045),
        Row("partner index", "/it/partner/"),
        Row("site search", "/it/search/?q=innovazione", 0.021),
        Row("API list", "/api/v2/pages/?type=home.PressReleasePage&limit=20", 0.055),
        Row("API list fields=*", "/api/v2/pages/?type=home.PressReleasePage&fields=*&limit=20"),
        Row("API detail", f"/api/v2/pages/{release.pk}/", 0.058),
        Row("API search", "/api/v2/search/?q=innovazione"),
        Row("static floor", staticfiles_storage.url("css/site.css"), static=True),
    ]


def with_floor_twice(rows: list[Row]) -> list[Row]:
    """The floor measured first and last: its mean is the ratios' denominator, so that a
    machine whose load drifts during the run shifts numerator and denominator alike."""
    floor = next(row for row in rows if row.static)
    dynamic = [row for row in rows if not row.static]
    return [
        Row("static floor first", floor.path, static=True),
        *dynamic,
        Row("static floor last", floor.path, static=True),
    ]


def check_rows(base_url: str, rows: list[Row]) -> None:
    """Every URL answers 200 before any load is spent on it."""
    for row in rows:
        try:
            with urllib.request.urlopen(base_url + row.path, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            raise SystemExit(f"{row.name} ({row.path}) answered {status}")


def count_queries(path: str) -> tuple[int, int]:
    """SQL queries for one anonymous request to `path`: with the response cache off, then on."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = []
    for seconds in (0, 600):
        with override_settings(CORDATA_RESPONSE_CACHE_SECONDS=seconds):
            # The first request fills what is filled once per process (site roots, renditions).
            first = client.get(path)
            if first.status_code != 200:
                raise RuntimeError(f"{path} answered {first.status_code}")
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
        counts.append(len(queries))
    return counts[0], counts[1]


# --- Verdicts and report --------------------------------------------------------------------


def wait_until_quiet(seconds: float) -> float:
    """Waits (at most `seconds`) for the one-minute load average to fall under QUIET_LOAD,
    e.g. after building the corpus; returns the load average it ends with."""
    deadline = time.monotonic() + seconds
    load = os.getloadavg()[0]
    if load >= QUIET_LOAD and seconds > 0:
        log(
            f"load average {load:.2f}: waiting up to {seconds:.0f} s for it to fall under {QUIET_LOAD}"
        )
    while load >= QUIET_LOAD and time.monotonic() < deadline:
        time.sleep(5)
        load = os.getloadavg()[0]
    if load >= QUIET_LOAD:
        log(f"the machine is busy (load average {load:.2f}): figures will be noisy")
    return load


def judge(row: Row, measured: Measured, floor_rps: float) -> None:
    measured.ratio = measured.rps / floor_rps if floor_rps else 0.0
    measured.target_ratio = row.target_ratio
    if row.static:
        measured.verdict = "floor"
        return
    if row.target_ratio is not None and measured.ratio < row.target_ratio:
        measured.misses.append(f"ratio {measured.ratio:.3f} < {row.target_ratio}")
    if measured.p99_ms >= P99_TARGET_MS:
        measured.misses.append(f"p99 {measured.p99_ms:.0f} ms ≥ {P99_TARGET_MS:.0f}")
    if measured.errors:
        measured.misses.append(f"{measured.errors} errors")
    measured.verdict = "MISSED: " + "; ".join(measured.misses) if measured.misses else "ok"


def table(results: list[Measured]) -> str:
    """The results as text; SQL is the view's queries, and after a slash a cache hit's."""
    header = (
        f"{'request':<19} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'SQL':>7} {'ratio':>7} {'target':>7}  verdict"
    )
    lines = [header, "-" * len(header)]
    for m in results:
        sql = "-" if m.sql_queries is None else f"{m.sql_queries}/{m.sql_queries_cached}"
        target = f"≥{m.target_ratio}" if m.target_ratio is not None else ""
        lines.append(
            f"{m.name:<19} {m.rps:>8.0f} {m.p50_ms:>7.1f} {m.p95_ms:>7.1f} {m.p99_ms:>7.1f} "
            f"{m.errors:>6} {sql:>7} {m.ratio:>7.4f} {target:>7}  {m.verdict}"
        )
    return "\n".join(lines)


def git_state() -> dict:
    def git(*args: str) -> str:
        run = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return run.stdout.strip()

    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain")),
    }


# --- Main -----------------------------------------------------------------------------------


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def measure(args, rows: list[Row], server: GunicornServer, client: str) -> list[Measured]:
    results = []
    for row in rows:
        url = server.base_url + row.path
        log(f"warming up {row.name}: {row.path}")
        run_load(
            url,
            client=client,
            seconds=args.warmup,
            connections=args.connections,
            threads=args.threads,
        )
        log(f"measuring {row.name} for {args.duration:.0f} s")
        load: LoadResult = run_load(
            url,
            client=client,
            seconds=args.duration,
            connections=args.connections,
            threads=args.threads,
        )
        results.append(
            Measured(
                name=row.name,
                path=row.path,
                requests=load.requests,
                rps=load.rps,
                p50_ms=load.p50_ms,
                p95_ms=load.p95_ms,
                p99_ms=load.p99_ms,
                errors=load.errors,
                sql_queries=None,
                sql_queries_cached=None,
            )
        )
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    client = args.client
    if client == "auto":
        client = "wrk" if wrk_path() else "python"
    if client == "wrk" and not wrk_path():
        log("wrk is not installed (apt-get install wrk); use --client python")
        return 2

    temporary = args.workdir is None
    workdir = (
        Path(tempfile.mkdtemp(prefix="cordata-bench-")) if temporary else args.workdir.resolve()
    )
    workdir.mkdir(parents=True, exist_ok=True)
    env = server_env(workdir, response_cache=not args.no_cache, redis_url=args.redis_url)
    os.environ.update(env)
    server = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        load_before = os.getloadavg()
        corpus = corpus_ensure(workdir, args)
        log("collecting static files")
        call_command("collectstatic", interactive=False, verbosity=0)
        rows = rows_for_corpus(corpus["releases"])
        # Nothing cached by an earlier run (a shared Redis, say) may answer this one.
        from cms.core import cache as response_cache

        response_cache.invalidate()
        if args.only:
            wanted = {name.strip() for name in args.only.split(",")}
            rows = [row for row in rows if row.name in wanted or row.static]
        rows = with_floor_twice(rows)

        server = GunicornServer(
            env={**os.environ, **env}, workers=args.workers, log_path=workdir / "gunicorn.log"
        )
        log(f"starting gunicorn ({args.workers} sync workers) on {server.base_url}")
        server.start(ready_path=rows[-1].path)
        check_rows(server.base_url, rows)
        wait_until_quiet(args.wait_quiet)
        load_start = os.getloadavg()
        results = measure(args, rows, server, client)
        load_end = os.getloadavg()
        server.stop()

        log("counting SQL queries per request")
        for row, measured in zip(rows, results, strict=True):
            if not row.static:
                measured.sql_queries, measured.sql_queries_cached = count_queries(row.path)
        floors = [m.rps for m, row in zip(results, rows, strict=True) if row.static]
        floor_rps = sum(floors) / len(floors)
        for row, measured in zip(rows, results, strict=True):
            judge(row, measured, floor_rps)

        report = table(results)
        print(report)  # noqa: T201 - the table is the output
        missed = [m.name for m in results if m.misses]
        summary = (
            f"{len(missed)} row(s) missed a target: {', '.join(missed)}"
            if missed
            else "every row met its target"
        )
        print(  # noqa: T201
            f"\nfloor {floor_rps:.0f} req/s (mean of first and last); {summary}; "
            f"load average {load_start[0]:.2f} → {load_end[0]:.2f}"
        )
        document = {
            "finished_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "command": "python -m bench.run "
            + " ".join(argv if argv is not None else sys.argv[1:]),
            **git_state(),
            "cpus": os.cpu_count(),
            "load_average": {
                "before_build": load_before,
                "before_load": load_start,
                "after_load": load_end,
            },
            "client": wrk_version() if client == "wrk" else "python (threads)",
            "connections": args.connections,
            "threads": args.threads if client == "wrk" else args.connections,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "workers": args.workers,
            "response_cache": not args.no_cache,
            "cache_backend": "redis" if args.redis_url else "local memory",
            "corpus": corpus,
            "p99_target_ms": P99_TARGET_MS,
            "floor_rps": floor_rps,
            "rows": [asdict(m) for m in results],
        }
        output = args.output or RESULTS_DIR / f"{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        log(f"written {output}")
        return 1 if missed and args.strict else 0
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        if server is not None:
            server.stop()
        if temporary:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
