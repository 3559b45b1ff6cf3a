"""A real HTTP server on 127.0.0.1 for the tests: routes map a path to an answer, every
request is logged. Started and stopped by the ``web`` fixture (conftest.py)."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes | Callable[[], Iterator[bytes]] = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 to a request that names it


Route = Reply | Callable[[BaseHTTPRequestHandler], Reply]


def html(body: str, **headers: str) -> Reply:
    return Reply(200, body.encode(), {"Content-Type": "text/html; charset=utf-8", **headers})


def drip(pieces: int, pause: float) -> Callable[[], Iterator[bytes]]:
    """A body sent a byte at a time, ``pause`` seconds apart."""

    def body() -> Iterator[bytes]:
        yield b"<html><body><p>"
        for _ in range(pieces):
            time.sleep(pause)
            yield b"x"

    return body


def endless() -> Iterator[bytes]:
    chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
    for _ in range(100_000):  # bounded, but far over any cap the tests set
        yield chunk


def gzip_bomb(megabytes: int) -> bytes:
    return gzip.compress(b" " * (megabytes * 1024 * 1024), compresslevel=9)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up (the tests' cut-off answers) is no error


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server.log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    reply = Reply(404, b"not found", {"Content-Type": "text/plain"})
                else:
                    reply = route(self) if callable(route) else route
                if reply.etag and self.headers.get("If-None-Match") == reply.etag:
                    reply = Reply(304, b"", {"ETag": reply.etag})
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                if reply.etag and reply.status == 200:
                    self.send_header("ETag", reply.etag)
                try:
                    if callable(reply.body):
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for piece in reply.body():
                            self.wfile.write(piece)
                            self.wfile.flush()
                        self.close_connection = True
                    else:
                        self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def start(self) -> WebServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
