"""Execute the book's notebooks in parallel, and never show outputs computed by an older makemore_lib.

Two jobs, one extension:

1. Fresh outputs. Sphinx re-reads a notebook only when the notebook itself changed. The chapters' outputs also
   depend on makemore_lib (its Python and JavaScript files), requirements.txt and pyproject.toml, which no
   notebook contains. This extension fingerprints those files. When the fingerprint differs from the one stored
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

With any other execution mode, only job 1 runs and myst-nb executes as it normally does.
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
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[2]
WATCHED = ["makemore_lib", "requirements.txt", "pyproject.toml"]
TIMINGS = "fresh_outputs.json"  # written next to the html folder: seconds per executed notebook, for benchmarks


def fingerprint(root: Path = ROOT) -> str:
    """sha256 over the names and bytes of every file the chapters' outputs depend on, besides the notebooks."""
    digest = hashlib.sha256()
    for entry in WATCHED:
        path = root / entry
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
    current = app.fresh_outputs_fingerprint
    stale = getattr(env, "makemore_fingerprint", None) != current
    env.makemore_fingerprint = current
    if not stale:
        return []
    notebooks = [doc for doc in env.found_docs if str(env.doc2path(doc)).endswith(".ipynb")]
    if notebooks:
        _logger().info(f"[fresh_outputs] library fingerprint changed: re-reading {len(notebooks)} notebooks")
    return notebooks


def _use_fingerprinted_cache(app):
    """Runs after myst-nb's builder-inited handler, which resolved the cache path; namespace it by fingerprint."""
    app.fresh_outputs_fingerprint = fingerprint()
    config = getattr(app.env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache":
        return
    base = Path(config.execution_cache_path)
    folder = cache_folder(base, app.fresh_outputs_fingerprint)
    if base.is_dir():  # outputs of older libraries are never used again
        for old in base.glob("lib-*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    app.env.mystnb_config = config.copy(execution_cache_path=str(folder))


def _excluded(path: Path, patterns) -> bool:
    posix = PurePosixPath(path.as_posix())
    return any(posix.match(p) for p in patterns or ())


def _warm_manager(server):
    """A kernel manager that starts the standard Python kernel as a fork of the warm server (see warm_kernels)."""
    from jupyter_client.manager import AsyncKernelManager

    class WarmKernelManager(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            if cmd[1:3] != ["-m", "ipykernel_launcher"]:
                return cmd  # not the plain Python kernel: start it the usual way
            return [part.replace("{connection_file}", self.connection_file) for part in server.kernel_cmd()[:-2]] \
                + cmd[3:]

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


def _execute_before_read(app, env, docnames):
    config = getattr(env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache":
        return
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from myst_nb.core.execute import ExecutionError

    logger = _logger()
    cache = get_cache(config.execution_cache_path)
    jobs, sources = {}, {}
    for docname in docnames:
        path = Path(env.doc2path(docname))
        if path.suffix != ".ipynb" or _excluded(path, config.execution_excludepatterns):
            continue  # other notebook formats: myst-nb executes them itself, as before
        nb = nbformat.read(path, as_version=4)
        try:
            cache.match_cache_notebook(nb)
            continue  # already executed under this library fingerprint
        except KeyError:
            jobs[docname] = (path, nb)
            sources[docname] = copy.deepcopy(nb)
    if not jobs:
        return
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

            try:
                server = Server(Path(folder), preload, kernel_env)
            except Exception as err:  # e.g. a preload module is missing: plain kernels still work
                logger.warning(f"[fresh_outputs] no warm kernels ({err}); starting kernels from scratch",
                               type="mystnb", subtype="exec")
        logger.info(f"[fresh_outputs] executing {len(jobs)} notebooks, {workers} at a time, "
                    + (f"kernels forked after importing {', '.join(preload)}" if server else "fresh kernels"))
        try:
            results = _run_in_thread(_execute_all(jobs, workers, config, kernel_env,
                                                  _warm_manager(server) if server else None))
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
        except KeyError:
            logger.warning(f"[fresh_outputs] executed {docname} but the cache does not match it; myst-nb "
                           "executes it again", type="mystnb", subtype="exec", location=docname)
    timings = dict(wall=wall, workers=workers, preload=preload if server else [], notebooks={d: s for d, (s, e) in results.items() if e is None})
    timings_file.parent.mkdir(parents=True, exist_ok=True)
    timings_file.write_text(json.dumps(timings, indent=1))
    if failed and config.execution_raise_on_error:
        raise ExecutionError(", ".join(failed))
    # a failed notebook stays out of the cache: myst-nb executes it again and reports it its own way


def _write_executed(app, env):
    """Put the executed chapters in jupyter_execute/, where tests/test_chapters.py and tools/compare_builds.py read
    their outputs: myst-nb writes a notebook it took from the cache there without its outputs (it merges them into
    a copy it only renders), and with this extension every notebook comes from the cache."""
    config = getattr(env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache":
        return []
    import nbformat
    from jupyter_cache import get_cache

    cache = get_cache(config.execution_cache_path)
    for docname in sorted(env.found_docs):
        source, target = Path(env.doc2path(docname)), Path(config.output_folder) / f"{docname}.ipynb"
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
    app.connect("builder-inited", _use_fingerprinted_cache, priority=900)  # after myst-nb's (priority 500)
    app.connect("env-updated", _write_executed)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-before-read-docs", _execute_before_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
