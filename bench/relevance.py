"""Relevance benchmark: the judged queries of `tests/search/judged.py` against the demo.

    python -m bench.relevance [--database-url postgres://…]

Builds a throwaway database — a SQLite file in a temporary directory, or with `--database-url` a
new PostgreSQL database on that server — migrates it and loads the demo (`load_demo`), asks
`search.selectors.site_search` every judged query as its reader would (in the entry's language,
anonymously or as the demo login it names), and prints MRR, hits@1 and hits@3, overall and per
class of query, then every entry that does not pass with its first hits. It prints figures and
asserts nothing (`tests/search/test_relevance.py` holds the floor). Search runs on the database
backend whatever ELASTICSEARCH_URL says, as in the tests. The database and the media directory
are removed on the way out, after an error or Ctrl-C too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from bench.databases import throwaway_postgres_database

ROOT = Path(__file__).resolve().parent.parent


def say(line: str = "") -> None:
    """One line of the report, on standard output."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def log(message: str) -> None:
    """Progress, on standard error, so that the report alone can be redirected."""
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


def setup_django(database_url: str, media: Path) -> None:
    """Django with the test settings on `database_url`, media in `media`, the database backend."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["TEST_MEDIA_ROOT"] = str(media)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    # The figures are the database backend's, whatever this shell points at.
    os.environ.pop("ELASTICSEARCH_URL", None)
    # The test settings serve no collected static files, which search does not need.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def report(verdicts, *, vendor: str) -> None:
    """The figures overall and per class, then the entries that fail."""
    from tests.search.judged import KLASSES, figures

    header = (
        f"{'class':<14}{'entries':>8}{'ranked':>8}{'passed':>8}{'MRR':>8}{'hits@1':>8}{'hits@3':>8}"
    )

    def row(name: str, chosen) -> str:
        result = figures(chosen)
        return (
            f"{name:<14}{result.entries:>8}{result.ranked:>8}{result.passed:>8}"
            f"{result.mrr:>8.3f}{result.hits_at_1:>8.3f}{result.hits_at_3:>8.3f}"
        )

    overall = figures(verdicts)
    say(
        f"judged relevance on {vendor}: {overall.entries} entries, {overall.ranked} ranked "
        f"(the rest only rule items out), {overall.passed} pass"
    )
    say()
    say(header)
    for klass in KLASSES:
        chosen = [verdict for verdict in verdicts if verdict.judged.klass == klass]
        if chosen:
            say(row(klass, chosen))
    say(row("all", verdicts))
    failing = [verdict for verdict in verdicts if not verdict.passed]
    say()
    if not failing:
        say("every entry passes")
        return
    say(f"{len(failing)} failing:")
    for verdict in failing:
        say()
        say(verdict.judged.id)
        for line in verdict.explain().splitlines():
            say("  " + line)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.relevance", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="a PostgreSQL server to create the throwaway database on (default: a SQLite file)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.database_url and not args.database_url.startswith(("postgres://", "postgresql://")):
        log("--database-url takes a postgres:// URL; without it the database is a SQLite file")
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="cordata-bench-relevance-"))
    drop: Callable[[], None] | None = None
    connected = False
    try:
        if args.database_url:
            url, drop = throwaway_postgres_database(args.database_url, prefix="cordata_relevance")
            vendor = "PostgreSQL"
        else:
            url, vendor = f"sqlite:///{workdir / 'db.sqlite3'}", "SQLite"
        (workdir / "media").mkdir()
        setup_django(url, workdir / "media")
        connected = True
        from django.core.management import call_command

        log(f"migrating a new {vendor} database")
        call_command("migrate", interactive=False, verbosity=0)
        log("loading the demo")
        call_command("load_demo", verbosity=0)

        from tests.search.judged import JUDGED, judge

        started = time.perf_counter()
        verdicts = [judge(entry) for entry in JUDGED]
        log(f"{len(verdicts)} judged queries in {time.perf_counter() - started:.1f} s")
        report(verdicts, vendor=vendor)
        return 0
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        if connected:
            # A database cannot be dropped while this process is still connected to it.
            from django.db import connections

            connections.close_all()
        if drop is not None:
            drop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
