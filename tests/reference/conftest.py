"""Shared pytest fixtures for the reference tests: the `weave` CLI, built once
per session with cargo (honouring CARGO_TARGET_DIR), and a helper to run it.

Reference values always come from networkx/igraph in the test itself, never
from Weave's own output.
"""

import json
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def _target_dir() -> pathlib.Path:
    env = os.environ.get("CARGO_TARGET_DIR")
    return pathlib.Path(env) if env else REPO / "target"


@pytest.fixture(scope="session")
def weave_bin() -> pathlib.Path:
    """Path to a freshly built debug `weave` binary."""
    subprocess.run(
        ["cargo", "build", "--quiet", "--bin", "weave"],
        cwd=REPO,
        check=True,
    )
    path = _target_dir() / "debug" / "weave"
    assert path.exists(), f"cargo did not produce {path}"
    return path


@pytest.fixture(scope="session")
def weave(weave_bin):
    """Runs `weave ARGS...`; returns stdout (parsed JSON when it is JSON)."""

    def run(*args, expect_json=True):
        done = subprocess.run(
            [str(weave_bin), *map(str, args)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"weave {args} failed: {done.stderr}"
        return json.loads(done.stdout) if expect_json else done.stdout

    return run
