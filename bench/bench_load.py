"""The API under load: many clients at once on loopback against a real `lagebild serve`.

    .venv/bin/python bench/bench_load.py [--clients 200] [--seconds 60] [--db FILE]

The server is `lagebild serve` in a process of its own over the demo data (data/corpus and
data/ucdp, ingested into a temporary SQLite file unless --db names a store). Each client sends
a request, waits for the answer and sends the next one: pages of /events with and without
filters, 1,000-event pages, single events, /stats, /points, the CSV export, /health and
documents POSTed with the token (reports of attacks at 16 Syrian towns on days of 2019). Prints
requests per second, latency percentiles, answers by status, the server's memory (proportional
set size of all its processes, so what they share counts once) and whether every POSTed
document was stored. Needs aiohttp (`pip install -e '.[bench]'`): httpx's client pool tops out
near 100 requests a second here, below what the server answers.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
import httpx

ROOT = Path(__file__).resolve().parents[1]
LAGEBILD = Path(sys.executable).with_name("lagebild")
TOKEN = "bench-token"
IDLE_SECONDS = 10
RUN = f"{time.time():.0f}"  # documents of this run are new to a store that is served again
COUNTRIES = ["Syria", "Germany", "Ukraine", "Nigeria", "Mali", "Iraq"]
TOWNS = [
    "Deir ez-Zor", "Idlib", "Aleppo", "Raqqa", "Homs", "Hama", "Daraa", "Manbij", "Kobani",
    "Al-Mayadin", "Albukamal", "Tadmur", "Latakia", "Afrin", "Qamischli", "Al-Hasaka",
]  # fmt: skip
ATTACKERS = ["Kämpfer des Islamischen Staats", "Regierungstruppen", "Rebellen", "Unbekannte"]
MIX = [  # (weight, kind)
    (30, "page"),
    (10, "filtered"),
    (8, "big page"),
    (15, "event"),
    (10, "stats"),
    (8, "points"),
    (4, "csv"),
    (5, "health"),
    (10, "post"),
]


def demo_store(folder: Path) -> Path:
    db = folder / "load.db"
    inputs = [ROOT / "data" / "corpus", ROOT / "data" / "ucdp"]
    subprocess.run([LAGEBILD, "ingest", *inputs, "--db", db], check=True, capture_output=True)
    return db


def start_server(db: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "LAGEBILD_TOKEN": TOKEN}
    server = subprocess.Popen(
        [LAGEBILD, "serve", "--db", db, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # stopped with the processes it forked
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    stop(server)
    raise SystemExit("the server did not start")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def memory_mb(pid: int) -> float:
    """The proportional set size of the server and the processes it forked: memory they share
    counted once."""
    total = 0
    for process in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{process}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue  # it has ended
    return total / 1024


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


class Load:
    def __init__(self, base: str, event_ids: list[str], seed: int):
        self.base, self.event_ids = base, event_ids
        self.rng = random.Random(seed)
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.by_kind: dict[str, list[float]] = {}
        self.posted: list[str] = []
        self.serial = 0
        self.authorised = {"Authorization": f"Bearer {TOKEN}"}

    def request(self, kind: str) -> tuple[str, str, dict]:
        """(method, path, keyword arguments of aiohttp's request)."""
        rng = self.rng
        if kind == "page":
            return "GET", "/events", {"params": {"limit": 100}}
        if kind == "filtered":
            params = {"country": rng.choice(COUNTRIES), "sort": "-fatalities", "limit": 50}
            return "GET", "/events", {"params": params}
        if kind == "big page":
            return "GET", "/events", {"params": {"limit": 1000}}
        if kind == "event":
            return "GET", f"/events/{rng.choice(self.event_ids)}", {}
        if kind == "stats":
            return "GET", "/stats", {"params": {"period": rng.choice(["day", "week", "month"])}}
        if kind == "points":
            return "GET", "/points", {}
        if kind == "csv":
            return "GET", "/events.csv", {"params": {"country": "Syria"}}
        if kind == "health":
            return "GET", "/health", {}
        return "POST", "/documents", {"json": self.report(), "headers": self.authorised}

    def report(self) -> dict:
        """A short report of an attack at one of many towns on one of many days, so that few
        of them are one event."""
        self.serial += 1
        town, attackers = self.rng.choice(TOWNS), self.rng.choice(ATTACKERS)
        day = dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(365))
        text = (
            f"Am Sonntag griffen {attackers} einen Kontrollposten bei {town} an; "
            f"{self.rng.randrange(1, 30)} Soldaten starben (Meldung {RUN}-{self.serial})."
        )
        published = day.isoformat()
        return {"id": f"load/{RUN}/{self.serial}", "text": text, "published": published}

    async def client(self, http: aiohttp.ClientSession, until: float) -> None:
        kinds = [kind for weight, kind in MIX for _ in range(weight)]
        while time.monotonic() < until:
            kind = self.rng.choice(kinds)
            method, path, options = self.request(kind)
            start = time.monotonic()
            try:
                async with http.request(method, self.base + path, **options) as response:
                    await response.read()
                status = str(response.status)
                if kind == "post" and response.status == 201:
                    self.posted.append(options["json"]["id"])
            except (TimeoutError, aiohttp.ClientError) as error:
                status = type(error).__name__
            elapsed = time.monotonic() - start
            self.latencies.append(elapsed)
            self.by_kind.setdefault(kind, []).append(elapsed)
            self.statuses[status] += 1


async def run_load(base: str, clients: int, seconds: float, event_ids: list[str]) -> Load:
    """The clients, each on a connection of its own."""
    load = Load(base, event_ids, seed=1)
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        until = time.monotonic() + seconds
        await asyncio.gather(*(load.client(http, until) for _ in range(clients)))
    return load


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", type=Path, help="a store to serve (default: the demo data)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or demo_store(Path(folder))
        server = start_server(db, args.port)
        base = f"http://127.0.0.1:{args.port}"
        try:
            page = httpx.get(f"{base}/events", params={"limit": 1000}).json()
            event_ids = [e["event_id"] for e in page["events"]]
            peak, idle = memory_mb(server.pid), memory_mb(server.pid)

            async def watched() -> Load:
                nonlocal peak
                task = asyncio.ensure_future(run_load(base, args.clients, args.seconds, event_ids))
                while not task.done():
                    peak = max(peak, memory_mb(server.pid))
                    await asyncio.sleep(0.25)
                return task.result()

            started = time.monotonic()
            load = asyncio.run(watched())
            elapsed = time.monotonic() - started
            busy = cpu_seconds(server.pid)
            time.sleep(IDLE_SECONDS)
            busy = (cpu_seconds(server.pid) - busy) / IDLE_SECONDS
            missing = [
                d for d in load.posted if httpx.get(f"{base}/documents/{d}").status_code != 200
            ]
            after = memory_mb(server.pid)
        finally:
            stop(server)
    print_table(args.clients, elapsed, load, (idle, peak, after), len(missing), busy)


def cpu_seconds(pid: int) -> float:
    """CPU time the server and its processes have used so far."""
    ticks = 0
    for process in [pid, *children(pid)]:
        fields = Path(f"/proc/{process}/stat").read_text().rpartition(")")[2].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def print_table(
    clients: int, elapsed: float, load: Load, memory: tuple, missing: int, busy: float
) -> None:
    failed = sum(n for s, n in load.statuses.items() if not s.isdigit() or s[0] == "5")
    statuses = ", ".join(f"{s}: {n}" for s, n in sorted(load.statuses.items()))
    latency = " / ".join(f"{percentile(load.latencies, q):.2f}" for q in (0.5, 0.95, 0.99))
    rows = [
        ("clients", clients),
        ("seconds", f"{elapsed:.0f}"),
        ("requests", len(load.latencies)),
        ("requests/s", f"{len(load.latencies) / elapsed:.1f}"),
        ("latency p50 / p95 / p99 (s)", latency),
        *(
            (f"  {kind}: n, p50 / p95 (s)", f"{len(v)}, {statistics.median(v):.2f} / "
             f"{percentile(v, 0.95):.2f}")
            for kind, v in sorted(load.by_kind.items())
        ),
        ("answers by status", statuses),
        ("5xx or failed", failed),
        ("server memory idle / peak / after (MB PSS)", " / ".join(f"{m:.0f}" for m in memory)),
        (f"server CPU in the {IDLE_SECONDS} s after the clients left", f"{busy:.0%}"),
        ("documents POSTed (201) / stored", f"{len(load.posted)} / {len(load.posted) - missing}"),
    ]  # fmt: skip
    print(f"| {'measure':44} | {'value':>36} |")
    print(f"|{'-' * 46}|{'-' * 38}|")
    for name, value in rows:
        print(f"| {name:44} | {value!s:>36} |")


if __name__ == "__main__":
    main()
