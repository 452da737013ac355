"""A stand-in Elasticsearch on 127.0.0.1 that records what the client sends and answers minimally.

It is not a search engine: searches answer with the hits a test sets, so tests can check the
requests Cordata makes (index settings, mappings, documents, query bodies) and how it reads
the answers, with the real Elasticsearch client and no mock of Cordata's code.
"""

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    query: str
    body: object


@dataclass
class RecordingServer:
    """The server's state: what it received and what its searches answer."""

    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    hits: list[tuple[str, float]] = field(default_factory=list)
    delay: float = 0.0

    def bodies(self, method: str, path_part: str) -> list:
        return [r.body for r in self.requests if r.method == method and path_part in r.path]


def _decode(raw: bytes):
    if not raw:
        return None
    text = raw.decode("utf-8")
    try:
        return json.loads(text)
    except ValueError:
        # Bulk requests are newline-delimited JSON.
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def _handler(state: RecordingServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _answer(self, body: dict, status: int = 200):
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        def _handle(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            body = _decode(raw)
            state.requests.append(Recorded(self.command, parts.path, parts.query, body))
            if state.delay:
                time.sleep(state.delay)
            path = parts.path
            if path.endswith("/_search"):
                hits = [
                    {"_id": pk, "_score": score, "fields": {"pk": [pk]}} for pk, score in state.hits
                ]
                answer = {"took": 1, "timed_out": False, "hits": {"hits": hits}}
                if isinstance(body, dict) and "aggregations" in body:
                    # Facets (the admin's page search asks for them) count nothing here.
                    answer["aggregations"] = {
                        name: {"buckets": []} for name in body["aggregations"]
                    }
                return self._answer(answer)
            if path.endswith("/_count"):
                return self._answer({"count": len(state.hits)})
            if path.endswith("/_bulk"):
                return self._answer({"took": 1, "errors": False, "items": []})
            if path in ("", "/"):
                return self._answer(
                    {"version": {"number": "9.0.0"}, "tagline": "You Know, for Search"}
                )
            if "/_doc/" in path:
                result = "deleted" if self.command == "DELETE" else "created"
                return self._answer({"_id": path.rsplit("/", 1)[1], "result": result})
            if self.command in ("HEAD", "GET"):
                # No index or alias exists before a test creates it.
                return self._answer({}, status=404)
            return self._answer({"acknowledged": True})

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

    return Handler


def start(port: int = 0) -> tuple[RecordingServer, ThreadingHTTPServer]:
    """A stand-in on `port` (a free one by default); `port` lets it take over a closed port."""
    state = RecordingServer()
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(state))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state, server


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_port() -> Iterator[int]:
    """A loopback port that accepts connections (the kernel's backlog) but never answers."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]
