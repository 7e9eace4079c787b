"""`khabar serve` as a command: it starts, answers, and uses the store it was given."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

SERVE = "import typer, sys; from khabar.server.cli import serve; sys.argv[0] = 'serve'; typer.run(serve)"


def test_help_lists_the_options():
    out = subprocess.run([sys.executable, "-c", SERVE, "--help"], capture_output=True, text=True, check=True).stdout
    assert "--db" in out and "--host" in out and "--port" in out


def test_serve_starts_and_answers(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = tmp_path / "k.db"
    process = subprocess.Popen([sys.executable, "-c", SERVE, "--db", f"sqlite:///{db}", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as reply:
                    assert reply.status == 200 and b'"articles":0' in reply.read().replace(b" ", b"")
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError("khabar serve did not come up")
                time.sleep(0.2)
        assert db.exists()
    finally:
        process.terminate()
        process.wait(10)
