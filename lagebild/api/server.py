"""The app served by uvicorn in a background thread: for a notebook, a browser test or a
benchmark that needs a real HTTP server next to its own code."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI


class BackgroundServer:
    """`with BackgroundServer(app) as url:` serves `app` on a free port of 127.0.0.1."""

    def __init__(self, app: FastAPI, startup_seconds: float = 10.0):
        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.startup_seconds = startup_seconds

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + self.startup_seconds
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start on port {self.port}")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *_exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(app: FastAPI, host: str, port: int, processes: int, on_fork=None) -> None:
    """Serve `app` until stopped: in this process with uvicorn, or in `processes` processes
    forked from this one by gunicorn with uvicorn's worker, so that they share the memory of
    what was loaded before (the extractor's lexicons and gazetteer); `on_fork` runs in each
    of them first (a database pool must not be shared across processes)."""
    if processes == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    from gunicorn.app.base import BaseApplication

    class Forked(BaseApplication):
        def load_config(self) -> None:
            options = {
                "bind": f"{host}:{port}",
                "workers": processes,
                "worker_class": "uvicorn_worker.UvicornWorker",
                "preload_app": True,
                "post_fork": lambda _server, _worker: on_fork and on_fork(),
                "loglevel": "warning",
                "timeout": 120,  # a worker silent this long is replaced
                "graceful_timeout": 30,
            }
            for name, value in options.items():
                self.cfg.set(name, value)

        def load(self) -> FastAPI:
            return app

    Forked().run()
