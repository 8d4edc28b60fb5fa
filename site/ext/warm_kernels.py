"""Fresh kernels without paying ``import torch`` in each: fork them from a process that imported it once.

Every chapter runs in a kernel of its own, and every kernel used to spend about 2.5 s of CPU starting Python,
ipykernel and ``import torch`` before the chapter's first line. The build starts one server process that
imports ipykernel and the heavy, slow-to-import packages (``fresh_outputs_preload``, e.g. torch and matplotlib)
once, and then forks a kernel from it for each chapter. A forked kernel starts with those modules already in
memory and nothing else: no chapter code, no makemore_lib (the library under test is imported by the chapter, as
in a kernel started from scratch). The server starts after the library's fingerprint was taken and dies with
the build.

Jupyter starts a kernel by running a command; here that command is this file's ``launch`` mode. The launcher
asks the server for a fork, hands it one end of a socket pair, forwards signals (interrupt, terminate) to the
kernel, and exits when the kernel exits; the kernel exits when the launcher dies (e.g. killed at shutdown), so
no kernel outlives its launcher.

    python warm_kernels.py serve SOCKET FD MODULE...   # the server (started by fresh_outputs)
    python warm_kernels.py launch SOCKET -f CONNECTION  # the kernel command (started by jupyter_client, with
                                                        # the kernelspec's python, the build's own)
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path


def serve(path: str, ready: int, modules: list[str]) -> None:
    """Import ipykernel and ``modules`` once, then fork one kernel per request on the unix socket ``path``.

    Writes to the file descriptor ``ready`` once it listens (stdout and stderr stay the build's, as a kernel's).
    """
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # what ipykernel sets
    from ipykernel.kernelapp import IPKernelApp  # noqa: F401  (imported once, here)
    import ipykernel.ipkernel  # noqa: F401

    for module in modules:
        importlib.import_module(module)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # forked kernels are reaped automatically
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(16)
    os.write(ready, b"ready")
    os.close(ready)
    while True:
        conn, _ = server.accept()
        message, fds, _, _ = socket.recv_fds(conn, 1 << 20, 1)
        request = json.loads(message)
        pid = os.fork()
        if pid == 0:
            server.close()
            conn.close()
            _kernel(request, fds[0])
        for fd in fds:
            os.close(fd)
        conn.sendall(str(pid).encode())
        conn.close()


def _kernel(request: dict, lifeline: int) -> None:
    """In the forked child: become the kernel the launcher asked for; exit when the launcher is gone."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.setpgid(0, 0)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if "torch" in sys.modules and os.environ.get("OMP_NUM_THREADS", "").isdigit():
        sys.modules["torch"].set_num_threads(int(os.environ["OMP_NUM_THREADS"]))

    def watch():
        with socket.socket(fileno=lifeline) as line:
            while line.recv(1):
                pass
        os._exit(0)  # the launcher died: so does the kernel

    threading.Thread(target=watch, daemon=True).start()
    from ipykernel.kernelapp import IPKernelApp

    # parent_handle: as jupyter_client's JPY_PARENT_PID does for a kernel it starts (read when ipykernel was
    # imported, in the server, so given here): the kernel also exits if the server dies, and stays quiet.
    argv = [*request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"]
    sys.argv = [sys.executable, "-m", "ipykernel_launcher", *argv]
    try:
        IPKernelApp.launch_instance(argv=argv)
    finally:
        os._exit(0)


def launch(path: str, argv: list[str]) -> int:
    """The kernel command: ask the server for a kernel, forward signals to it, return when it exits."""
    mine, theirs = socket.socketpair()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(path)
        request = dict(argv=argv, cwd=os.getcwd(), env=dict(os.environ))
        socket.send_fds(conn, [json.dumps(request).encode()], [theirs.fileno()])
        pid = int(conn.recv(64))
    theirs.close()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(sig, lambda signum, frame: _forward(pid, signum))
    while mine.recv(1):  # returns b"" when the kernel exits and its end closes
        pass
    return 0


def _forward(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass
    if signum != signal.SIGINT:  # SIGINT interrupts a cell; the others end the kernel, and the launcher
        raise SystemExit(0)


class Server:
    """A running fork server: ``Server(folder, modules, env)``, then ``launch_args()``; ``close()`` stops it.

    ``while_starting`` runs in this process while the server imports (e.g. a check that may stop the build)."""

    def __init__(self, folder: Path, modules: list[str], env: dict, while_starting=None):
        self.path = str(Path(folder) / "kernels.sock")
        read, write = os.pipe()
        self.process = subprocess.Popen([sys.executable, __file__, "serve", self.path, str(write), *modules],
                                        env=env, pass_fds=[write])
        os.close(write)
        try:
            if while_starting is not None:
                while_starting()
        except BaseException:
            os.close(read)
            self.close()
            raise
        with os.fdopen(read, "rb") as pipe:
            ready = pipe.read()  # b"ready" once the imports are done; b"" if the server died first
        if ready != b"ready":
            self.close()
            raise RuntimeError(f"the kernel server did not start (preloading {modules})")

    def launch_args(self) -> list[str]:
        """What follows the python in a kernel command to get a kernel from this server (then ``-f FILE``)."""
        return [__file__, "launch", self.path]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


if __name__ == "__main__":
    mode, sock, *rest = sys.argv[1:]
    if mode == "serve":
        serve(sock, int(rest[0]), rest[1:])
    else:
        raise SystemExit(launch(sock, rest))
