"""The cases the JavaScript maths module is tested on (makemore_lib/js/test/maths.test.mjs), generated from
makemore_lib, so that the two languages cannot drift apart: counts, P at several k, losses of names, a few
training steps, λ ↔ k, sampled names, the messages for bad input, and a word list.

    python tests/js_fixtures.py      # write makemore_lib/js/test/fixtures.json (tests/test_js.py compares)
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from makemore_lib.counting import count_bigrams  # noqa: E402
from makemore_lib.data import split_names  # noqa: E402
from makemore_lib.loss import counts_nll, name_nll, score_name  # noqa: E402
from makemore_lib.neural import init_weights, net_probs, train_counts  # noqa: E402
from makemore_lib.probabilities import bigram_probs, uniform_probs  # noqa: E402
from makemore_lib.regularization import closest_smoothing  # noqa: E402
from makemore_lib.sampling import sample_names  # noqa: E402
from makemore_lib.vocabulary import bigrams, check_name  # noqa: E402
from makemore_lib.live.common import MAX_SEED, shown  # noqa: E402
from makemore_lib.live.sampling import batch_draws  # noqa: E402
from makemore_lib.live.smoothing import check_bigram  # noqa: E402
from makemore_lib.live.training import largest_difference  # noqa: E402
from makemore_lib.neural import DIVERGED  # noqa: E402
from makemore_lib.live.wordlist import parse_words  # noqa: E402

FIXTURES = ROOT / "makemore_lib" / "js" / "test" / "fixtures.json"

# The one tolerance for floats computed on two machines or in two languages (the committed fixtures against the
# library on this CPU, the JavaScript against the fixtures, a widget in Chromium against Python):
#     |a - b| <= FLOAT_TOLERANCE * max(1, |a|, |b|)     (relative above 1, absolute below)
# Why: torch's float32 results depend on the CPU's vector unit (AVX2, AVX-512, ARM's NEON or none), which sets
# the order of sums and which exp, log and random-normal routines run; JavaScript computes in float64 and rounds.
# Measured on these fixtures with torch 2.13 (ATEN_CPU_CAPABILITY=avx512, avx2, default on one machine): AVX2
# against AVX-512 differ by at most 2.5 float32 units in the last place (2**-23 of the value), the scalar build by
# up to 1.1e-6 on the random initial weights and the trained W, whose entries are below 1 and come out of
# cancellations (so the error is absolute there, not relative). 2**-18 is 32 float32 units in the last place of
# 1.0: four times the worst difference measured, and still 1,000 times smaller than any slip in a formula.
FLOAT_TOLERANCE = 2 ** -18


def close(a: float, b: float, tolerance: float = FLOAT_TOLERANCE) -> bool:
    """Equal to within FLOAT_TOLERANCE (infinities only equal themselves).

    >>> close(1.0, 1.0 + 2**-20), close(0.5, 0.5 + 2**-17), close(float("inf"), float("inf"))
    (True, False, True)
    """
    return a == b or abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def differences(committed, fresh, where: str = "") -> list[str]:
    """Where two fixture trees differ: floats beyond FLOAT_TOLERANCE, anything else (names, counts, messages,
    strings for infinities) by value."""
    if isinstance(committed, dict) and isinstance(fresh, dict):
        if committed.keys() != fresh.keys():
            return [f"{where}: keys {sorted(committed)} != {sorted(fresh)}"]
        return [d for key in committed for d in differences(committed[key], fresh[key], f"{where}.{key}")]
    if isinstance(committed, list) and isinstance(fresh, list):
        if len(committed) != len(fresh):
            return [f"{where}: {len(committed)} items != {len(fresh)}"]
        return [d for i, (a, b) in enumerate(zip(committed, fresh)) for d in differences(a, b, f"{where}[{i}]")]
    if isinstance(committed, float) or isinstance(fresh, float):
        numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (committed, fresh))
        return [] if numbers and close(committed, fresh) else [f"{where}: {committed!r} != {fresh!r}"]
    return [] if committed == fresh else [f"{where}: {committed!r} != {fresh!r}"]
NAMES = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn", "abigail",
         "emily", "elizabeth", "mila", "ella", "avery", "sofia", "camila", "aria", "scarlett", "andrej", "zoe",
         "quinn", "xavier", "yusuf", "kai", "jude", "wren", "bodhi", "ivy"]
BIGRAM_COUNTS = Counter(b for w in NAMES for b in bigrams(w))   # chapter 1's count, for the bigram explorer
KS = [0, 0.1, 1, 10, 1000]
SEEDS = [0, 1, 42, 2147483647, MAX_SEED]
BAD_NAMES = ["Emma", "emma2", "anna maria", "o'neil", "zoë", "Ольга", "李", "emma😀", "em.ma", "tab\tbed", "<b>x</b>",
             "", "a" * 101, "a" * 1_000, "back\\slash", "q\"'", "nul\x00", "nbsp\u00a0", "zero\u200bwidth",
             "x" * 50 + "!", "\U0001d400bc"]
BAD_BIGRAMS = ["q!", "", "a", "abc", "A.", "é.", "\t."]
SEED_TEXTS = ["-1", "4294967296", "99999999999999999999", "abc", "1.5", "", " 7 x", "0", "4294967295", " 12 ",
              "9" * 30, "1" + "0" * 30, "-" + "9" * 40, "0" * 50 + "7", "1" * 4000]
WORD_LISTS = ["", "  , ;\n", "pikachu", "r2d2 c3po", "bulbasaur ivysaur venusaur charmander charmeleon charizard",
              "Paris, Lyon; Nice\nSaint-Étienne", "o'neil saint-malo", "r2d2 c3-po", "paris lyon nice rouen brest", "ana bob anna", "zoë zoé ζωή йод",
              ("a ", 5001), ("x", 100_001), "ab " + "c" * 101, " ".join(chr(0x4e00 + i) * 2 for i in range(70)),
              "one\u00a0two three", "émile émilie", ("ab\n", 200_000), ("a\n", 5001), ("ab\n", 5000), ("😀", 100_001),
              "e\u0301mile ana", "ana 😀", " \n\t \n", ("ab, ", 25_000), (" \n", 50_000), ("\n", 10_000)]
FLOATS = [0, 0.1, 0.5, 1, 5, 50, 100, 500, 1e-05, 0.001, 1234567, 1e16, 1e300, 0.000123456789, 3.14159265]


def error_of(check, *args):
    try:
        check(*args)
    except (ValueError, TypeError) as err:
        return str(err)
    return None


def number(x: float) -> float | str:
    """JSON has no infinity: write it as a string."""
    return x if math.isfinite(x) else repr(x)


def fixtures() -> dict:
    """Every case, computed by makemore_lib now."""
    counts = count_bigrams(NAMES)
    probs = {str(k): bigram_probs(counts, k) for k in KS}
    out = {"tolerance": FLOAT_TOLERANCE, "names": NAMES, "counts": counts.tolist()}
    out["probs"] = {k: P.tolist() for k, P in probs.items()}
    out["counts_nll"] = {k: counts_nll(counts, P) for k, P in probs.items()}
    out["name_nll"] = [{"name": name, "k": k, "nll": number(name_nll(name, probs[k])),
                        "scores": [[s.bigram, s.prob, number(s.logprob)] for s in score_name(name, probs[k])]}
                       for name in ["andrej", "emma", "xavier", "qq"] for k in ("0", "1")]
    runs = []
    for steps, lr, l2 in [(5, 50.0, 0.01), (20, 10.0, 0.0), (3, 100.0, 1.0)]:
        run = train_counts(counts, steps=steps, lr=lr, l2=l2)
        runs.append({"steps": steps, "lr": lr, "l2": l2, "losses": run.losses + [run.final_loss],
                     "W": run.W.double().tolist(), "probs": net_probs(run.W).tolist()})
    out["w0"] = init_weights().double().tolist()
    out["training"] = runs
    out["divergence"] = [{"steps": s, "lr": lr, "l2": l2, "message": (message := error_of(
                              lambda: train_counts(counts, steps=s, lr=lr, l2=l2))), "diverged": message is not None}
                         for s, lr, l2 in [(500, 100.0, 10.0), (50, 500.0, 0.0), (100, 500.0, 0.001), (10, 50.0, 0.01),
                                           (5, 100000.0, 0.01)]]
    out["diverged_limit"] = DIVERGED
    closest = []
    for l2 in [0.01, 0.1, 1.0]:
        P = net_probs(train_counts(counts, steps=100, lr=50, l2=l2).W)
        k, kl = closest_smoothing(counts, P)
        closest.append({"probs": P.tolist(), "k": k, "kl": kl})
    P = bigram_probs(counts, 1.0)
    closest.append({"probs": P.tolist(), "k": closest_smoothing(counts, P)[0], "kl": closest_smoothing(counts, P)[1]})
    out["closest_smoothing"] = closest
    out["largest_difference"] = [largest_difference(torch.tensor(c["probs"]), bigram_probs(counts, c["k"])) for c in closest]
    train, dev, _ = split_names(NAMES, seed=42)
    N_train, N_dev = count_bigrams(train), count_bigrams(dev)
    out["smoothing_curves"] = {"train": N_train.tolist(), "dev": N_dev.tolist(), "ks": [0.001, 0.1, 0.4, 1.0, 100.0]}
    out["smoothing_curves"].update({part: [counts_nll(N, bigram_probs(N_train, k)) for k in out["smoothing_curves"]["ks"]]
                                    for part, N in [("train_loss", N_train), ("dev_loss", N_dev)]})
    out["lr_runs"] = [{"lr": lr, "losses": (lambda r: r.losses + [r.final_loss])(train_counts(counts, 20, lr=lr, l2=0.0))}
                      for lr in (1.0, 50.0, 1.0)]
    samples = []
    for k in ("0", "1", "uniform"):
        P = uniform_probs() if k == "uniform" else probs[k]
        for seed in SEEDS:
            samples.append({"k": k, "seed": seed, "names": sample_names(P, 12, torch.Generator().manual_seed(seed))})
    out["samples"] = samples
    out["draws"] = [{"k": k, "seed": seed, "skip": 3, "n": 2,
                     "names": sample_names(P, 5, torch.Generator().manual_seed(seed))[3:],
                     "draws": batch_draws(P, seed, 3, sum(len(w) + 1 for w in
                                                          sample_names(P, 5, torch.Generator().manual_seed(seed))[3:]))}
                    for k, P in [("0", probs["0"]), ("1", probs["1"]), ("uniform", uniform_probs())]
                    for seed in (0, 2147483647)]
    out["uniform"] = uniform_probs().tolist()
    out["name_errors"] = [[text, error_of(check_name, text)] for text in BAD_NAMES + ["emma", "a" * 100]]
    out["bigram_errors"] = [[text, error_of(check_bigram, text)] for text in BAD_BIGRAMS + ["qu", ".a", "z."]]
    out["seed_errors"] = [[text, seed_text_error(text)] for text in SEED_TEXTS]
    out["reprs"] = [[text, shown(text)] for text in BAD_NAMES]
    out["floats"] = [[x, f"{x:g}"] for x in FLOATS]
    out["word_lists"] = [word_list_case(text) for text in WORD_LISTS]
    return out


def seed_text_error(text: str) -> str | None:
    """What the sampling widget's seed box says about ``text``: Python's message for the int it holds."""
    from makemore_lib.checks import check_int
    from makemore_lib.live.common import message

    if not text.strip().lstrip("-").isdigit() or text.strip().count("-") > 1 or " " in text.strip():
        return message("seed_text", shown=shown(text))
    return error_of(check_int, int(text), "seed", 0, MAX_SEED)


def word_list_case(spec: str | tuple[str, int]) -> dict:
    """A word list's case; a long text is written as [piece, times] (the test repeats it)."""
    text = spec if isinstance(spec, str) else spec[0] * spec[1]
    case = {"text": spec, "error": error_of(parse_words, text)}
    if case["error"] is None:
        words, itos = parse_words(text)
        counts = count_bigrams(words, itos)
        case.update(words=words, itos=itos, counts=counts.tolist(), k={})
        for k in (0, 1):
            P = bigram_probs(counts, k)
            case["k"][str(k)] = {"probs": P.tolist(), "loss": counts_nll(counts, P),
                                 "samples": {str(seed): sample_names(P, 8, torch.Generator().manual_seed(seed), itos)
                                             for seed in (0, 2147483647)}}
    return case


def text() -> str:
    return json.dumps(fixtures(), ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    FIXTURES.write_text(text(), encoding="utf-8")
    print(f"wrote {FIXTURES} ({FIXTURES.stat().st_size:,} bytes)")
