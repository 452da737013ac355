"""Benchmark: what a hostile and an honest large upload cost the web worker.

    python -m bench.uploads [--pdf-mb 50] [--bomb-mb 150] [--immediate] [--workdir DIR]

Builds the demo site in a throwaway SQLite database, starts gunicorn (one sync worker,
production settings) and, unless `--immediate`, a task worker (`manage.py db_worker`, with
`TASK_BACKEND=database`), signs in as the demo partner and uploads to a workspace, over HTTP:
a DOCX zip bomb (a few hundred KB that unpack to `--bomb-mb` MB of XML), a DOCX of 250,000
parts and an honest PDF of about `--pdf-mb` MB. For each it prints the request's status and time, the web worker's
resident memory before and at its peak during the request (Linux `VmHWM`, reset before each
upload), the time until the text was read (or the file refused), and the peak memory of the
child process that read it. Goal: the web worker grows by less than 50 MB for either.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from .run import log, server_env
from .server import ROOT, GunicornServer

GOAL_GROWTH_MB = 50


@dataclass
class UploadFigures:
    """One upload's figures."""

    name: str
    size_mb: float
    status: int
    request_s: float
    rss_before_mb: float
    rss_peak_mb: float
    outcome: str = ""
    extraction_s: float | None = None
    child_peak_mb: float | None = None

    @property
    def growth_mb(self) -> float:
        return self.rss_peak_mb - self.rss_before_mb


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdf-mb", type=int, default=50, help="size of the honest PDF")
    parser.add_argument("--bomb-mb", type=int, default=150, help="unpacked size of the bomb")
    parser.add_argument(
        "--immediate",
        action="store_true",
        help="read the text inside the upload request (the development set-up)",
    )
    parser.add_argument("--workdir", type=Path, default=None, help="keep the site here")
    return parser.parse_args(argv)


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for process {pid}")


def _reset_peak(pid: int) -> None:
    # Linux: writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current.
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def _worker_pid(master_pid: int) -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                return int(entry.name)
    raise RuntimeError("gunicorn has no worker")


class Browser:
    """A cookie-keeping HTTP client that signs in and posts forms like a browser."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def get(self, path: str) -> str:
        with self.opener.open(self.base_url + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path: str, body: bytes, content_type: str) -> int:
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            headers={
                "Content-Type": content_type,
                "X-CSRFToken": self.csrf(),
                "Referer": self.base_url + path,
            },
        )
        try:
            with self.opener.open(request, timeout=600) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def sign_in(self, username: str, password: str) -> None:
        self.get("/it/account/login/")
        body = urllib.parse.urlencode({"username": username, "password": password}).encode()
        status = self.post("/it/account/login/", body, "application/x-www-form-urlencoded")
        if status != 200 or "sessionid" not in {cookie.name for cookie in self.cookies}:
            raise RuntimeError(f"could not sign in as {username} (status {status})")


def multipart(fields: dict[str, str], *, name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _wait_for_text(title: str, timeout: float = 900) -> tuple[str, float]:
    from cms.knowledge.models import ProjectDocument, TextExtractionStatus

    started = time.monotonic()
    while time.monotonic() - started < timeout:
        document = ProjectDocument.objects.filter(title=title).first()
        if document is not None and document.text_status != TextExtractionStatus.PENDING:
            outcome = document.text_status + (
                f" ({document.text_note})" if document.text_note else ""
            )
            return outcome, time.monotonic() - started
        time.sleep(0.2)
    return "still pending", timeout


def upload(browser, server, workspace_url: str, *, name: str, data: bytes) -> UploadFigures:
    worker = _worker_pid(server.process.pid)
    title = f"Bench {name} {uuid.uuid4().hex[:6]}"
    body, content_type = multipart(
        {"title": title, "language": "it", "kind": "report", "description": "", "tags": ""},
        name=name,
        data=data,
    )
    _reset_peak(worker)
    before = _status_kib(worker, "VmRSS")
    started = time.monotonic()
    status = browser.post(workspace_url + "upload/", body, content_type)
    request_s = time.monotonic() - started
    peak = _status_kib(worker, "VmHWM")
    figures = UploadFigures(
        name=name,
        size_mb=len(data) / 2**20,
        status=status,
        request_s=request_s,
        rss_before_mb=before / 1024,
        rss_peak_mb=peak / 1024,
    )
    if status != 303 and status != 200:
        figures.outcome = "refused"
        return figures
    figures.outcome, waited = _wait_for_text(title)
    figures.extraction_s = request_s + waited
    # The child's own peak, reading the stored file again the same way.
    from cms.knowledge.extraction import extract_stored
    from cms.knowledge.models import ProjectDocument

    document = ProjectDocument.objects.get(title=title)
    figures.child_peak_mb = extract_stored(document.file).peak_kib / 1024
    return figures


def table(results: list[UploadFigures]) -> str:
    header = (
        "| upload | size MB | status | request s | web RSS before MB | web RSS peak MB | "
        "growth MB | outcome | until read s | reader peak MB | goal |"
    )
    lines = [header, "|" + "---|" * 11]
    for row in results:
        lines.append(
            f"| {row.name} | {row.size_mb:.1f} | {row.status} | {row.request_s:.2f} | "
            f"{row.rss_before_mb:.1f} | {row.rss_peak_mb:.1f} | {row.growth_mb:.1f} | "
            f"{row.outcome} | "
            f"{'–' if row.extraction_s is None else f'{row.extraction_s:.1f}'} | "
            f"{'–' if row.child_peak_mb is None else f'{row.child_peak_mb:.1f}'} | "
            f"{'met' if row.growth_mb < GOAL_GROWTH_MB else 'MISSED'} (< {GOAL_GROWTH_MB}) |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="cordata-bench-uploads-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = server_env(workdir, response_cache=False)
    env["TASK_BACKEND"] = "immediate" if args.immediate else "database"
    env["CORDATA_UPLOAD_MAX_BYTES"] = str(args.pdf_mb * 2 * 2**20)
    env["DEMO_PASSWORD"] = password = "bench-" + uuid.uuid4().hex
    os.environ.update(env)
    server = worker = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        log(f"building the demo site in {workdir}")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if not args.immediate:
            # What loading the demo queued (its documents' text, index updates), done first:
            # the figures are the uploads' own.
            call_command("db_worker", batch=True, interval=0, no_startup_delay=True, verbosity=0)
        from django.contrib.auth import get_user_model
        from wagtail.models import Locale

        from cms.groups.selectors.workspaces import workspace_list

        partner = get_user_model().objects.get(username="partner")
        workspace_url = workspace_list(user=partner, locale=Locale.get_default())[0].url

        log("building the files")
        from tests.hostile_files import docx_bomb, docx_with_parts, honest_large_pdf

        files = [
            ("bomba.docx", docx_bomb(args.bomb_mb * 2**20)),
            # A directory of a quarter of a million entries, a few MB: its parsing is a cost too.
            ("parti.docx", docx_with_parts(250_000)),
            ("relazione.pdf", honest_large_pdf(args.pdf_mb * 2**20)),
        ]
        server = GunicornServer(env={**os.environ, **env}, workers=1, log_path=workdir / "web.log")
        server.start(ready_path="/it/")
        if not args.immediate:
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--interval", "0.2"],
                cwd=ROOT,
                env={**os.environ, **env},
                stdout=(workdir / "worker.log").open("ab"),
                stderr=subprocess.STDOUT,
            )
        browser = Browser(server.base_url)
        browser.sign_in("partner", password)
        results = []
        for name, data in files:
            log(f"uploading {name} ({len(data) / 2**20:.1f} MB)")
            results.append(upload(browser, server, workspace_url, name=name, data=data))
        print(table(results))  # noqa: T201 - the table is the output
        mode = "immediate (read in the request)" if args.immediate else "database + db_worker"
        print(f"task backend: {mode}; web worker: gunicorn, 1 sync worker")  # noqa: T201
        return 0 if all(row.growth_mb < GOAL_GROWTH_MB for row in results) else 1
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)
        if server is not None:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
