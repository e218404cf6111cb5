"""Sessions for maintainers: the checker's own tests, the curriculum proof, and lint.

`nox` runs them all, on every Python >= 3.11 this machine has (PATH and pyenv are searched,
nothing is downloaded). The README's test command is `nox`; `.ci/run` calls exactly that.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import nox

nox.needs_version = ">=2024.4.15"
# Tests last, so the closing lines of a run are pytest's own summary.
nox.options.sessions = ["lint", "verify", "tests"]
nox.options.reuse_existing_virtualenvs = False
nox.options.default_venv_backend = "venv"
# Never fetch an interpreter: use what the machine has.
nox.options.download_python = "never"

SUPPORTED = ("3.11", "3.12", "3.13", "3.14")


def _interpreters() -> list[str]:
    """Each supported Python found on PATH or under pyenv; its folder is put on PATH for nox."""
    found: list[str] = []
    roots = [os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))]
    for version in SUPPORTED:
        candidates = [shutil.which(f"python{version}")]
        for root in roots:
            candidates += sorted(glob.glob(f"{root}/versions/{version}.*/bin/python{version}"))
        for exe in filter(None, candidates):
            try:
                ok = (
                    subprocess.run(
                        [exe, "-c", "import venv, ensurepip"], capture_output=True
                    ).returncode
                    == 0
                )
            except OSError:
                ok = False
            if ok:
                folder = str(Path(exe).parent)
                if folder not in os.environ["PATH"].split(os.pathsep):
                    os.environ["PATH"] = folder + os.pathsep + os.environ["PATH"]
                found.append(version)
                break
    return found or ["3.11"]


PYTHONS = _interpreters()


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The checker's own tests (CliRunner, pytester, the fixture curriculum)."""
    session.install("-e", ".")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHONS)
def verify(session: nox.Session) -> None:
    """The curriculum proof: stubs fail, solutions pass, known-wrong fixtures are rejected."""
    session.install("-e", ".")
    session.run("katas", "verify", *session.posargs)


@nox.session(python=PYTHONS[0])
def lint(session: nox.Session) -> None:
    """ruff, the one linter."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", "--diff", "checker", "noxfile.py")


@nox.session(python=PYTHONS[0], default=False)
def bench(session: nox.Session) -> None:
    """Measure the speed targets (status, check, verify) and print the figures."""
    session.install("-e", ".")
    session.run("python", "benchmarks/bench_checker.py", *session.posargs)
