"""Every module below the UI imports on Windows: nothing POSIX-only is touched at import time.

The suite cannot run on Windows here, so a fresh interpreter is made to look
like Windows where it matters at import: ``sys.platform`` is ``win32``,
``msvcrt`` exists (a stand-in, never called), ``fcntl``, ``pwd``, ``grp`` and
``termios`` cannot be imported, and the POSIX-only names of ``os`` and
``signal`` are gone. A module that reads one of them at import (as
``parallel_read`` once did with ``signal.SIGHUP``, which would have stopped the
whole store from loading on Windows) fails here. What runs later is guarded
where it runs, and the CI job on real Windows and macOS runners
(``.github/workflows/platforms.yml``) runs the suite itself.
"""

from __future__ import annotations

import subprocess
import sys

#: Names Windows's ``os`` and ``signal`` do not have, that this code base might reach for.
POSIX_ONLY_OS = (
    "fchmod fchown geteuid getuid getgid getegid sched_getaffinity killpg setsid fork sync "
    "O_NOFOLLOW O_DIRECTORY O_NONBLOCK O_CLOEXEC"
)
POSIX_ONLY_SIGNAL = (
    "SIGHUP SIGKILL SIGUSR1 SIGUSR2 SIGCHLD SIGALRM SIGCONT SIGTSTP SIGPIPE SIGQUIT "
    "pthread_sigmask pthread_kill sigwait setitimer alarm"
)

#: Libraries loaded before the interpreter is made to look like Windows: their own Windows code (and
#: the standard library's, such as asyncio's) is theirs to test, and would reach for Windows modules.
LIBRARIES = ("asyncio", "subprocess", "sysconfig", "icalendar", "aiohttp.web", "textual_serve.server")

LOOK_LIKE_WINDOWS = f"""
import importlib, os, pkgutil, signal, sys, types
for library in {LIBRARIES!r}:
    try:
        importlib.import_module(library)
    except ImportError:
        pass  # an optional extra that is not installed: serve then says so
for name in {POSIX_ONLY_OS!r}.split():
    if hasattr(os, name):
        delattr(os, name)
for name in {POSIX_ONLY_SIGNAL!r}.split():
    if hasattr(signal, name):
        delattr(signal, name)
for name in ("fcntl", "pwd", "grp", "termios"):
    sys.modules[name] = None
msvcrt = types.ModuleType("msvcrt")
msvcrt.LK_NBLCK, msvcrt.LK_UNLCK = 2, 0
msvcrt.locking = lambda fd, mode, size: None
sys.modules["msvcrt"] = msvcrt
sys.platform = "win32"
import sdm_facilitator
failed = []
for layer in ("domain", "storage", "guides", "export", "cli"):
    package = importlib.import_module("sdm_facilitator." + layer)
    for info in pkgutil.iter_modules(package.__path__):
        name = f"sdm_facilitator.{{layer}}.{{info.name}}"
        try:
            importlib.import_module(name)
        except Exception as error:
            failed.append(f"{{name}}: {{type(error).__name__}}: {{error}}")
print("\\n".join(failed))
"""


def test_every_module_below_the_ui_imports_on_windows() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOOK_LIKE_WINDOWS], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
