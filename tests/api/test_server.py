"""`lagebild serve` as a user runs it: a real server in processes forked from one that has
loaded what coding needs; a document POSTed to one process is what every process answers
with next."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from stored import TOKEN

from lagebild.api.server import free_port

LAGEBILD = Path(sys.executable).with_name("lagebild")
ARTICLE = Path(__file__).parents[2] / "data" / "corpus" / "hasakah-prison-2022-01.txt"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "serve.db"
    subprocess.run([LAGEBILD, "ingest", ARTICLE, "--db", db], check=True, capture_output=True)
    port = free_port()
    env = {**os.environ, "LAGEBILD_TOKEN": TOKEN, "LAGEBILD_PROCESSES": "2"}
    process = subprocess.Popen(
        [LAGEBILD, "serve", "--db", db, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail(f"the server did not start: {process.stderr.read().decode()[-2000:]}")
    while len(worker_pids(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.3)  # the first process may answer before the second is forked
    yield url, process
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    process.stderr.close()


def worker_pids(master: int) -> set[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return {int(pid) for pid in children}


def test_the_server_forks_its_processes(server):
    _, process = server
    assert len(worker_pids(process.pid)) == 2


def test_what_one_process_stored_every_process_answers(server):
    url, _ = server
    with httpx.Client(base_url=url) as client:  # new connections: either process may answer
        before = [httpx.get(f"{url}/events").json()["total"] for _ in range(6)]
        assert len(set(before)) == 1
        text = "Am 3. Mai 2022 griffen Milizen Soldaten in Kismayo an; zwei Soldaten starben."
        body = {"text": text, "published": "2022-05-04", "language": "de", "id": "de/k.txt"}
        headers = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post("/documents", json=body, headers=headers).status_code == 201
    after = [httpx.get(f"{url}/events").json()["total"] for _ in range(6)]
    assert after == [before[0] + 1] * 6
