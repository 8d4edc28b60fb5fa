"""Speed of makemore_lib and of the whole book against the lecture's own way, on the full dataset.

    MAKEMORE_NAMES=../shared/data/names.txt python benchmarks/bench.py [--quick] [--no-build] [--json PATH]

Kernel cases time a function several times and print the median; a case with a baseline also prints the
baseline's median and the ratio (baseline / ours). Widget cases time one update as a slider move makes it
(median and worst of 20).

The build part (skip it with --no-build) copies the repository's files (tracked and untracked, not ignored: what
a clean clone of the working tree has) into a temporary folder and there times, in this order: the baseline
notebook benchmarks/baseline_lecture.ipynb (the lecture's work the lecture's way) executed with nbclient in a
fresh kernel; a cold `jupyter-book build book/` (every chapter executed); and the same command again with
nothing changed. It prints each chapter's execution time (from the build's _build/fresh_outputs.json) and the
weight of every built page with the images it shows.

The site part (--site-only runs only it) opens every page of a built site (default _build/html) in headless
Chromium, first visit each time, with nothing but the site reachable (tests/site/browser_assets.py), and prints per
page the compressed weight of everything it loaded, the time from the load event until the widget host has
rendered every widget, and the longest main-thread task (median of --visits visits).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))   # the lecture's loops, the baselines

from makemore_lib import bigram_pairs, bigram_probs, count_bigrams, load_names, sample_names  # noqa: E402
from makemore_lib.neural import train_counts, train_onehot  # noqa: E402
from lecture_loops import count_bigrams_loop, sample_names_loop  # noqa: E402


def timings(fn: Callable[[], object], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def kernel_cases(names, quick: bool):
    counts = count_bigrams(names)
    probs = bigram_probs(counts, 1)
    xs, ys = bigram_pairs(names)
    base_reps = 1 if quick else 3

    def fast_train():
        return train_counts(counts, steps=100, lr=50, l2=0.01)

    def slow_train():
        return train_onehot(xs, ys, steps=100, lr=50, l2=0.01)

    fast_losses, slow_losses = fast_train().losses, slow_train().losses
    gap = max(abs(a - b) for a, b in zip(fast_losses, slow_losses))
    return [
        dict(name="count bigrams (32,033 names)", fn=lambda: count_bigrams(names), reps=20,
             baseline=lambda: count_bigrams_loop(names), base_reps=base_reps, target=100),
        dict(name="100 training steps", fn=fast_train, reps=20, baseline=slow_train, base_reps=base_reps,
             target=500, note=f"max loss gap {gap:.1e}"),
        dict(name="sample 1,000 names", fn=lambda: sample_names(probs, 1000, torch.Generator().manual_seed(1)),
             reps=10, baseline=lambda: sample_names_loop(probs, 1000, torch.Generator().manual_seed(1)),
             base_reps=base_reps),
    ]


def widget_cases(names):
    """One case per widget: the time of one update, as a reader's slider move or keystroke triggers it."""
    from collections import Counter

    from makemore_lib import bigrams
    from makemore_lib.live import BigramExplorer

    explorer = BigramExplorer(Counter(b for w in names for b in bigrams(w)), "isabella")
    words = iter(["isabella", "emma", "Bob", "zoe"] * 50)
    cases = [dict(name="widget: bigram explorer (keystroke)", fn=lambda: setattr(explorer, "name", next(words)),
                  reps=20, widget=True)]
    cases += live_widget_cases(names)
    return cases


def live_widget_cases(names):
    """The live widgets (makemore_lib.live), Python side: what a control change costs in Jupyter, where Python
    recomputes the numbers the browser shows. (In the static page the browser computes them; the browser tests
    measure those times.)"""
    from makemore_lib.live import (K_OPTIONS, L2_OPTIONS, RegularizationExplorer, SamplingWidget, ScoreNameWidget,
                                   SmoothingExplorer, TrainingExplorer)

    counts = count_bigrams(names)
    sampler = SamplingWidget(counts)
    seeds = iter(range(10**6))
    scorer = ScoreNameWidget(bigram_probs(counts, 1))
    typed = iter(["andrej", "emma", "Bob", "zoe"] * 50)
    smoother = SmoothingExplorer(counts)
    ks = iter(K_OPTIONS * 20)
    trainer = TrainingExplorer(counts)
    rates = iter([40.0, 30.0, 20.0, 50.0] * 50)
    regular = RegularizationExplorer(counts)
    lambdas = iter(L2_OPTIONS * 20)
    stepper = SamplingWidget(counts, n=30)

    def next_character():
        stepper.step = stepper.step + 1 if stepper.step < 150 else 1

    return [dict(name="widget: sampling (seed)", fn=lambda: setattr(sampler, "seed", next(seeds)), reps=20, widget=True),
            dict(name="widget: sampling (next character)", fn=next_character, reps=20, widget=True),
            dict(name="widget: score a name (keystroke)", fn=lambda: setattr(scorer, "name", next(typed)), reps=20,
                 widget=True),
            dict(name="widget: smoothing slider (k)", fn=lambda: setattr(smoother, "k", next(ks)), reps=20, widget=True),
            dict(name="widget: training explorer (100 steps)", fn=lambda: setattr(trainer, "lr", next(rates)),
                 reps=20, widget=True),
            dict(name="widget: regularization slider (300 steps)", fn=lambda: setattr(regular, "l2", next(lambdas)),
                 reps=20, widget=True)]


WIDGET_REPS = 20  # every widget update: median and worst of 20


def run(cases) -> list[dict]:
    rows = []
    for case in cases:
        times = timings(case["fn"], WIDGET_REPS if case.get("widget") else case["reps"])
        row = dict(name=case["name"], median_ms=1e3 * statistics.median(times), worst_ms=1e3 * max(times))
        if "baseline" in case:
            base = timings(case["baseline"], case["base_reps"])
            row["baseline_ms"] = 1e3 * statistics.median(base)
            row["speedup"] = row["baseline_ms"] / row["median_ms"]
        for key in ("target", "note", "widget"):
            if key in case:
                row[key] = case[key]
        rows.append(row)
        print(format_row(row), flush=True)
    return rows


def format_row(row: dict) -> str:
    text = f"{row['name']:<44} {row['median_ms']:>9.2f} ms  (worst {row['worst_ms']:.2f})"
    if "speedup" in row:
        text += f"  baseline {row['baseline_ms']:>9.1f} ms  x{row['speedup']:.0f}"
        if "target" in row:
            text += f" (target x{row['target']}: {'met' if row['speedup'] >= row['target'] else 'MISSED'})"
    if row.get("widget"):
        text += f"  (target 50 ms: {'met' if row['median_ms'] <= 50 else 'MISSED'})"
    if "note" in row:
        text += f"  [{row['note']}]"
    return text


ROOT = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).with_name("baseline_lecture.ipynb")
COLD_TARGET, REBUILD_TARGET, PAGE_TARGET_KB = 1.5, 0.3, 1024
SITE_WEIGHT_KB, INTERACTIVE_MS, LONG_TASK_MS = 1000, 500, 200   # per page, first visit, compressed


def site_case(site: Path, visits: int) -> list[dict]:
    """Every page of a built site in Chromium: weight, time to interactive, longest task (median of visits)."""
    sys.path.insert(0, str(ROOT / "tests" / "site"))
    from browser_assets import built_pages, launch, measure, redirect_target
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = launch(p)
        # One visit not counted: the browser's own first-page costs (its processes, code caches) are not a page's.
        measure(browser, built_pages(site)[0], site)
        for page in built_pages(site):
            if redirect_target(page, site):
                continue  # index.html only redirects
            runs = [measure(browser, page, site) for _ in range(visits)]
            row = dict(runs[0])
            for key in ("bytes", "interactive_ms", "longest_task_ms", "load_ms"):
                values = [r[key] for r in runs if r[key] is not None]
                row[key] = statistics.median(values) if values else None
            rows.append(row)
        browser.close()
    return rows


def format_site(rows: list[dict]) -> list[str]:
    def verdict(ok):
        return "met" if ok else "MISSED"

    lines = [f"{'page':<24} {'kB':>7} {'widgets':>8} {'interactive':>12} {'longest task':>13}  targets: "
             f"{SITE_WEIGHT_KB} kB, {INTERACTIVE_MS} ms, {LONG_TASK_MS} ms"]
    for r in rows:
        tti = "-" if r["interactive_ms"] is None else f"{r['interactive_ms']:.0f} ms"
        ok = (r["bytes"] / 1000 <= SITE_WEIGHT_KB and (r["interactive_ms"] or 0) <= INTERACTIVE_MS
              and r["longest_task_ms"] <= LONG_TASK_MS and r["widget_state"] in ("ready", "none")
              and not (r["errors"] or r["other_hosts"] or r["missing"]))
        lines.append(f"{r['page']:<24} {r['bytes'] / 1000:>7.0f} {r['widgets']:>3} {r['widget_state']:>5} {tti:>11} "
                     f"{r['longest_task_ms']:>10.0f} ms  {verdict(ok)}"
                     + (f"  (errors {r['errors']}, other hosts {r['other_hosts']}, 404 {r['missing']})"
                        if r["errors"] or r["other_hosts"] or r["missing"] else ""))
    return lines


def execute_notebook(path: Path, cwd: Path) -> float:
    """Seconds to execute a notebook with nbclient in a fresh kernel, kernel start and shutdown included."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=1200, shutdown_kernel="immediate", resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def copy_repo(dest: Path) -> Path:
    """The repository's tracked and untracked-but-not-ignored files, copied to dest (no _build, no caches)."""
    files = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                           capture_output=True).stdout.split(b"\0")
    for name in filter(None, files):
        src = ROOT / name.decode()
        if src.is_file() or src.is_symlink():
            (dest / name.decode()).parent.mkdir(parents=True, exist_ok=True)
            if src.is_symlink():
                (dest / name.decode()).symlink_to(os.readlink(src))
            else:
                (dest / name.decode()).write_bytes(src.read_bytes())
    return dest


def jupyter_book_build(root: Path) -> float:
    """Seconds for `jupyter-book build book/` typed in root; the build must succeed."""
    env = dict(os.environ, PYTHONPATH=str(root))  # the copy's makemore_lib, in the build and in the kernels
    start = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "build", "book/"], cwd=root,
                          env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"jupyter-book build failed in {root}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds


def page_weights(html: Path) -> dict[str, int]:
    """Bytes of every page of the book (not the search/index pages) plus the local images it shows."""
    skip = {"genindex.html", "search.html", "py-modindex.html"}
    weights = {}
    for page in sorted(html.glob("*.html")):
        if page.name in skip:
            continue
        text = page.read_text(errors="replace")
        images = {m for m in re.findall(r'<img[^>]+src="([^"]+)"', text) if not m.startswith(("http", "data:"))}
        weights[page.stem] = page.stat().st_size + sum(
            (html / m).stat().st_size for m in images if (html / m).is_file())
    return weights


def build_case() -> dict:
    """Baseline notebook, cold build and rebuild in one fresh copy of the repository, back to back."""
    with tempfile.TemporaryDirectory(prefix="makemore-bench-") as temp:
        root = copy_repo(Path(temp))
        print(f"build: baseline notebook, cold build, rebuild in {root} ...", flush=True)
        notebook = root / BASELINE.relative_to(ROOT)
        baselines = [execute_notebook(notebook, root)]
        cold = jupyter_book_build(root)
        executed = json.loads((root / "_build" / "fresh_outputs.json").read_text())
        rebuild = jupyter_book_build(root)
        pages = page_weights(root / "_build" / "html")
        baselines.append(execute_notebook(notebook, root))  # before and after: the machine is shared
    baseline = min(baselines)  # the baseline's best run: the ratios err against the book
    return dict(baseline_s=baseline, baseline_runs_s=baselines, cold_s=cold, rebuild_s=rebuild, cold_ratio=cold / baseline,
                rebuild_ratio=rebuild / baseline, execute_wall_s=executed["wall"], workers=executed["workers"],
                sphinx_s=cold - executed["wall"], chapters_s=executed["notebooks"], pages_kb=
                {k: v / 1024 for k, v in pages.items()}, load_average=os.getloadavg())


def format_build(build: dict) -> list[str]:
    def verdict(ok):
        return "met" if ok else "MISSED"

    lines = [
        f"{'baseline notebook (lecture way, nbclient)':<44} {build['baseline_s']:>9.2f} s   (best of "
        + ", ".join(f"{s:.1f}" for s in build["baseline_runs_s"]) + " s: before and after the builds)",
        f"{'cold build: jupyter-book build book/':<44} {build['cold_s']:>9.2f} s   x{build['cold_ratio']:.2f} of "
        f"baseline (target x{COLD_TARGET}: {verdict(build['cold_ratio'] <= COLD_TARGET)})",
        f"{'  of which: executing chapters (parallel)':<44} {build['execute_wall_s']:>9.2f} s   "
        f"({build['workers']} at a time)",
        f"{'  of which: Sphinx (start, read, write)':<44} {build['sphinx_s']:>9.2f} s",
        f"{'rebuild, nothing changed':<44} {build['rebuild_s']:>9.2f} s   x{build['rebuild_ratio']:.2f} of "
        f"baseline (target x{REBUILD_TARGET}: {verdict(build['rebuild_ratio'] <= REBUILD_TARGET)})",
    ]
    lines += [f"{'  execute ' + name:<44} {s:>9.2f} s" for name, s in sorted(build["chapters_s"].items())]
    lines += [f"{'page ' + name + ' (+ images)':<44} {kb:>9.0f} KB  (target {PAGE_TARGET_KB} KB: "
              f"{verdict(kb <= PAGE_TARGET_KB)})" for name, kb in build["pages_kb"].items()]
    lines.append(f"{'load average during the build (1, 5, 15 min)':<44} "
                 + ", ".join(f"{x:.1f}" for x in build["load_average"]))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each slow baseline")
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("results") / "latest.json")
    parser.add_argument("--no-build", action="store_true", help="skip the book build part (quick runs)")
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html", help="the built site to measure")
    parser.add_argument("--site-only", action="store_true", help="only the site part, over --site")
    parser.add_argument("--visits", type=int, default=3, help="first visits per page in the site part")
    args = parser.parse_args()
    if args.site_only:
        rows = site_case(args.site, args.visits)
        print("\n".join(format_site(rows)))
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(dict(site=rows, load_average=os.getloadavg()), indent=1))
        return 0
    torch.set_num_threads(1)  # steadier numbers on a small machine; the baselines get the same
    names = load_names()
    print(f"python {platform.python_version()}, torch {torch.__version__}, {len(names):,} names")
    build = None
    if not args.no_build:  # first, while this process is idle: the build's kernels get the machine
        build = build_case()
        print("\n".join(format_build(build)), flush=True)
    rows = run(kernel_cases(names, args.quick) + widget_cases(names))
    site = site_case(args.site, args.visits) if (args.site / "index.html").exists() else None
    if site:
        print("\n".join(format_site(site)))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(dict(torch=torch.__version__, python=platform.python_version(), rows=rows,
                                         build=build, site=site, cpus=os.cpu_count()), indent=1))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
