"""A web worker killed (`kill -9`) in the middle of an upload leaves its partial file in
MEDIA_ROOT's temporary area, never in the system's temporary directory, and `clean_media`
removes it."""

import os
import signal
import socket
import time
from pathlib import Path

import pytest

from bench.server import GunicornServer

BOUNDARY = "cordata-upload-boundary"
SENT_BYTES = 4 * 1024 * 1024  # past Django's 2.5 MB in-memory limit: streamed to a file
DECLARED_BYTES = 20 * 1024 * 1024


@pytest.fixture
def server(process_site, tmp_path):
    served = GunicornServer(env=process_site.env, workers=1, log_path=tmp_path / "gunicorn.log")
    served.start(ready_path="/it/account/login/")
    yield served
    served.stop()


def _worker_pid(master_pid: int) -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The parent pid is the fourth field, after the command name in parentheses.
            if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                return int(entry.name)
    raise AssertionError("gunicorn has no worker")


def _open_uploads(pid: int) -> list[str]:
    paths = []
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(descriptor)
        except OSError:
            continue
        if ".upload" in target:
            paths.append(target)
    return paths


def _start_upload(port: int) -> socket.socket:
    """Sends the headers and the first megabytes of a 20 MB file, and keeps the rest back."""
    head = (
        f"--{BOUNDARY}\r\n"
        'Content-Disposition: form-data; name="file"; filename="verbale.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    request = (
        "POST /it/account/login/ HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
        f"Content-Length: {DECLARED_BYTES}\r\n"
        # A form token cookie, so that the CSRF check reads the body (and so the file).
        f"Cookie: csrftoken={'a' * 32}\r\n\r\n"
    ).encode()
    connection = socket.create_connection(("127.0.0.1", port))
    connection.sendall(request + head + b"%PDF-1.7\n" + b"0" * SENT_BYTES)
    return connection


def test_a_killed_upload_leaves_its_file_where_clean_media_finds_it(process_site, server):
    worker = _worker_pid(server.process.pid)
    connection = _start_upload(server.port)
    try:
        deadline = time.monotonic() + 30
        while not (uploads := _open_uploads(worker)):
            assert time.monotonic() < deadline, "the worker never opened a temporary file"
            time.sleep(0.1)
        temporary_area = process_site.media_root / "tmp"
        assert all(Path(path).parent == temporary_area for path in uploads), uploads
        os.kill(worker, signal.SIGKILL)
    finally:
        connection.close()

    leftovers = sorted(path.name for path in temporary_area.iterdir())
    assert leftovers == sorted(Path(path).name for path in uploads)

    listed = process_site.manage("clean_media", "--grace-hours", "0")
    assert listed.returncode == 0, listed.stderr
    assert f"tmp/{leftovers[0]}" in listed.stdout
    assert "run with --delete" in listed.stdout
    assert (temporary_area / leftovers[0]).exists()

    removed = process_site.manage("clean_media", "--grace-hours", "0", "--delete")
    assert removed.returncode == 0, removed.stderr
    assert list(temporary_area.iterdir()) == []
