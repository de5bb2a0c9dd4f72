"""``vscdesk serve``: a real host process that peers join with the link it prints, that saves
the file atomically after changes and when it is stopped, and that speaks TLS when asked."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workshop.net import edit, until
from vscdesk.storage import load
from vscdesk.workshop.access import JoinLink
from vscdesk.workshop.peer import connect
from vscdesk.workshop.replica import Replica


def _start(file: Path, *extra: str) -> tuple[subprocess.Popen[str], JoinLink]:
    process = subprocess.Popen(
        [sys.executable, "-m", "vscdesk", "serve", str(file), "--port", "0", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "join with" not in line:
        process.kill()
        raise AssertionError(f"no join link: {line!r} {process.stderr.read()}")
    return process, JoinLink.parse(line.split("join with", 1)[1])


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return err


@pytest.mark.posix
def test_serve_shares_the_file_and_saves_edits_after_a_pause_and_at_exit(tmp_path, example_file):
    file = tmp_path / "workshop.vsc.json"
    shutil.copy(example_file, file)
    process, link = _start(file)
    try:
        assert link.host == "127.0.0.1" and len(link.token) >= 20

        async def scenario():
            peer, witness = Replica(), Replica()
            async with asyncio.timeout(60), connect(link, peer), connect(link, witness):
                edit(peer, lambda d: d.update(title="Saved after a pause"))
                await until(lambda: load(file).title == "Saved after a pause", 30)
                edit(peer, lambda d: d.update(title="Saved at the end"))
                # the host relayed it to the other peer, so the host has it
                await until(lambda: witness.read().title == "Saved at the end")

        asyncio.run(scenario())
    finally:
        err = _stop(process)
    assert load(file).title == "Saved at the end"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert "saved" in err


def test_each_serve_session_has_its_own_token(tmp_path, example_file):
    file = tmp_path / "map.vsc.json"
    shutil.copy(example_file, file)
    tokens = []
    for _ in range(2):
        process, link = _start(file)
        tokens.append(link.token)
        process.terminate()
        process.communicate(timeout=60)
    assert tokens[0] != tokens[1]


def test_serve_refuses_a_missing_file_and_half_a_tls_pair_in_one_line(tmp_path):
    for args in ([str(tmp_path / "missing.vsc.json")],
                 [str(tmp_path / "x.vsc.json"), "--cert", "c.pem"]):
        result = subprocess.run([sys.executable, "-m", "vscdesk", "serve", *args],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
@pytest.mark.posix
def test_serve_with_a_certificate_speaks_tls(tmp_path, example_file):
    file = tmp_path / "map.vsc.json"
    shutil.copy(example_file, file)
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, env={**os.environ, "OPENSSL_CONF": "/dev/null"})
    process, link = _start(file, "--cert", str(cert), "--key", str(key))
    try:
        assert link.tls and link.url().startswith("wss://")

        async def scenario():
            peer = Replica()
            async with asyncio.timeout(60), connect(link, peer, cafile=str(cert)):
                assert peer.read().title == load(file).title

        asyncio.run(scenario())
    finally:
        _stop(process)
