"""Speed of makemore_lib against the lecture's own way, in one process, on the full dataset.

    MAKEMORE_NAMES=../shared/data/names.txt python benchmarks/bench.py [--quick] [--json PATH]

Each case times a function several times and prints the median; a case with a baseline also prints the
baseline's median and the ratio (baseline / ours). Widget cases time one update as a slider move makes it.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from makemore_lib import bigram_pairs, bigram_probs, count_bigrams, load_names, sample_names  # noqa: E402
from makemore_lib.neural import train_counts, train_onehot  # noqa: E402
from makemore_lib.reference import count_bigrams_loop, sample_names_loop  # noqa: E402


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
    from makemore_lib.widgets import BigramExplorer

    explorer = BigramExplorer("isabella")
    words = iter(["isabella", "emma", "Bob", "zoe"] * 50)
    cases = [dict(name="widget: bigram explorer (keystroke)", fn=lambda: setattr(explorer.text, "value", next(words)),
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
    return [dict(name="widget: sampling (seed)", fn=lambda: setattr(sampler, "seed", next(seeds)), reps=20, widget=True),
            dict(name="widget: score a name (keystroke)", fn=lambda: setattr(scorer, "name", next(typed)), reps=20,
                 widget=True),
            dict(name="widget: smoothing slider (k)", fn=lambda: setattr(smoother, "k", next(ks)), reps=20, widget=True),
            dict(name="widget: training explorer (100 steps)", fn=lambda: setattr(trainer, "lr", next(rates)),
                 reps=20, widget=True),
            dict(name="widget: regularization slider (300 steps)", fn=lambda: setattr(regular, "l2", next(lambdas)),
                 reps=20, widget=True)]


def run(cases) -> list[dict]:
    rows = []
    for case in cases:
        times = timings(case["fn"], case["reps"])
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each slow baseline")
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("results") / "latest.json")
    args = parser.parse_args()
    torch.set_num_threads(1)  # steadier numbers on a small machine; the baselines get the same
    names = load_names()
    print(f"python {platform.python_version()}, torch {torch.__version__}, {len(names):,} names")
    rows = run(kernel_cases(names, args.quick) + widget_cases(names))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(dict(torch=torch.__version__, python=platform.python_version(), rows=rows), indent=1))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
