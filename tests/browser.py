"""Serve a notebook with Voilà or JupyterLab on loopback and drive it in headless Chromium.

Used by the end-to-end tests; skipped with a clear reason where Debian's
``chromium`` (or Voilà, JupyterLab or Playwright) is not installed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    """The Chromium binary, or skip the test saying how to install it."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium installed: 'apt-get install chromium' to run the browser tests")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(proc: subprocess.Popen, port: int, log: Path, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"{what} exited early; see {log}:\n{log.read_text()[-2000:]}")
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not start within {timeout:.0f} s; see {log}")


@contextlib.contextmanager
def _serving(command: list[str], cwd: Path, log: Path, env: dict[str, str] | None, what: str,
             port: int) -> Iterator[None]:
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, **(env or {})})
    try:
        _wait_for_port(proc, port, log, what)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def voila(notebook: str, cwd: Path, log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run the README's command, ``voila NOTEBOOK`` in ``cwd``, on a free loopback port; yields its URL.

    Only where it listens is added (port, address, no browser): no file allow-list or
    other option, so what works here works as the README starts it.
    """
    pytest.importorskip("voila", reason="Voilà is not installed: python -m pip install -e '.[test]'")
    port = _free_port()
    command = [sys.executable, "-m", "voila", notebook, "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
    with _serving(command, cwd, log, env, "Voilà", port):
        yield f"http://127.0.0.1:{port}/"


@contextlib.contextmanager
def jupyterlab(root: Path, log: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run JupyterLab on ``root`` on a free loopback port, without a token; yields its URL."""
    pytest.importorskip("jupyterlab", reason="JupyterLab is not installed: python -m pip install -e '.[test]'")
    port = _free_port()
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
               "--IdentityProvider.token=", "--PasswordIdentityProvider.hashed_password=",
               f"--ServerApp.root_dir={root}",
               "--LabApp.news_url=", "--LabServerApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # a container's CI runs as root
    with _serving(command, root, log, env, "JupyterLab", port):
        yield f"http://127.0.0.1:{port}/"


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 1000) -> Iterator[object]:
    """A Playwright page in Debian's headless Chromium; it accepts downloads."""
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
            yield page
        finally:
            browser.close()
