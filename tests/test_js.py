"""The widgets' JavaScript against the library: limits.js current, the committed bundles current, the node suite
(makemore_lib/js/test/*.test.mjs) passing on fixtures that still match makemore_lib, and sampleNames drawing
torch's names.

Tests that need node (and esbuild, from the repository's package.json) skip with the reason where node or npm is
missing, and fail instead when CI=true.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
import torch

from js_fixtures import FIXTURES, ROOT, differences, text
from makemore_lib.counting import count_bigrams
from tools import build_widgets as build
from makemore_lib.neural import net_probs, train_counts
from makemore_lib.probabilities import bigram_probs
from makemore_lib.sampling import sample_names

CI = os.environ.get("CI", "").lower() == "true"
MATHS = ROOT / "makemore_lib" / "js" / "src" / "maths.js"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if CI:
            pytest.fail(f"{tool} is missing, and CI=true: the JavaScript tests must run in CI")
        pytest.skip(f"{tool} is missing: the JavaScript tests need node (and npm for esbuild)")
    return path


def need_esbuild() -> None:
    if not build.ESBUILD.exists():
        npm = need("npm")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True, capture_output=True)


def node(script: str, data: object) -> object:
    """Run an ES module script with node, ``data`` as JSON on stdin; its stdout read as JSON."""
    out = subprocess.run([need("node"), "--input-type=module", "-e", script], input=json.dumps(data), text=True,
                         capture_output=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)


def test_fixtures_match_the_library():
    """The node suite's cases are what makemore_lib computes today (python tests/js_fixtures.py rewrites them), on
    any CPU: floats to js_fixtures.FLOAT_TOLERANCE (the fixtures were computed on another machine), the rest exactly."""
    committed = json.loads(FIXTURES.read_text(encoding="utf-8"))
    fresh = json.loads(text())
    stale = differences(committed, fresh)
    assert not stale, (f"fixtures.json is stale ({len(stale)} differences, e.g. {stale[:3]}): "
                       "run python tests/js_fixtures.py")


def test_the_fixture_comparison_allows_float32_noise_and_nothing_more():
    from js_fixtures import FLOAT_TOLERANCE

    base = {"p": [0.25, 2.5], "loss": 2.4544, "names": ["emma"], "nll": "inf", "k": 3}
    noisy = {"p": [0.25 + 3 * 2**-24, 2.5 * (1 + 2**-21)], "loss": 2.4544 - 2**-20, "names": ["emma"], "nll": "inf",
             "k": 3}
    assert differences(base, noisy) == []
    for key, value in [("p", [0.25 + 4 * FLOAT_TOLERANCE, 2.5]), ("loss", 2.4545), ("names", ["emmb"]),
                       ("nll", "-inf"), ("k", 4)]:
        assert differences(base, dict(base, **{key: value})), key


def test_limits_js_is_written_from_python():
    assert (build.SRC / "limits.js").read_text(encoding="utf-8") == build.limits_js(), \
        "js/src/limits.js is stale: run python -m tools.build_widgets"


def test_committed_bundles_are_current():
    need("node")
    need_esbuild()
    stale = build._stale()
    assert not stale, f"stale: {stale}: run python -m tools.build_widgets and commit js/"


def test_bundles_are_self_contained_modules():
    for name in build.WIDGETS:
        source = (build.DIST / f"{name}.js").read_text(encoding="utf-8")
        assert not any(line.startswith(("import ", "import{")) for line in source.splitlines()), name
        assert "export {" in source or "export default" in source, name


def test_node_suite_passes():
    out = subprocess.run([need("node"), "--test", "makemore_lib/js/test/"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "# fail 0" in out.stdout and "# pass " in out.stdout


SEEDS = list(range(50)) + [2147483647, 2**32 - 1, 3141592653] + [7919 * i + 13 for i in range(1, 48)]
NAMES = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "andrej", "zoe", "quinn"]


def test_sample_names_draws_torchs_names_for_many_seeds_and_smoothings():
    """100 seeds x 6 smoothings and a trained net's P: 20 names each (14,000 names), exactly what torch draws."""
    counts = count_bigrams(NAMES)
    tables = [bigram_probs(counts, k) for k in (0, 0.1, 0.5, 1, 3, 100)]
    tables.append(net_probs(train_counts(counts, steps=50, lr=50, l2=0.01).W))
    cases = [{"probs": P.tolist(), "seeds": SEEDS} for P in tables]
    script = """
        import { readFileSync } from "node:fs";
        import { sampleNames } from "./makemore_lib/js/src/maths.js";
        const cases = JSON.parse(readFileSync(0, "utf8"));
        console.log(JSON.stringify(cases.map((c) => c.seeds.map((s) => sampleNames(c.probs, s, 20)))));
    """
    got = node(script, cases)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)              # 27-wide draws: threads only add overhead on a shared machine
    try:
        wanted = [[sample_names(P, 20, torch.Generator().manual_seed(seed)) for seed in SEEDS] for P in tables]
    finally:
        torch.set_num_threads(threads)
    for names, want in zip(got, wanted):
        mismatched = [seed for seed, a, b in zip(SEEDS, names, want) if a != b]
        assert not mismatched, f"seeds {mismatched[:5]}... differ"


@pytest.mark.dataset
def test_page_names_at_fractional_k_on_the_dataset(counts):
    """At a fractional k the page computes P itself, and torch's row sums may differ from it in the last bit; on
    the dataset the names still agree (2 smoothings x 10 seeds x 50 names)."""
    ks, seeds = [0.1, 0.3], list(range(10))
    script = """
        import { readFileSync } from "node:fs";
        import { bigramProbs, sampleNames } from "./makemore_lib/js/src/maths.js";
        const d = JSON.parse(readFileSync(0, "utf8"));
        console.log(JSON.stringify(d.ks.map((k) => d.seeds.map((s) => sampleNames(bigramProbs(d.counts, k), s, 50)))));
    """
    got = node(script, {"counts": counts.tolist(), "ks": ks, "seeds": seeds})
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        want = [[sample_names(bigram_probs(counts, k), 50, torch.Generator().manual_seed(s)) for s in seeds] for k in ks]
    finally:
        torch.set_num_threads(threads)
    assert got == want
