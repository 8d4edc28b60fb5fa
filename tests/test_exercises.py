"""check(): for every exercise, the reference solution (computed as the chapter's solution cells compute it) is
right, and at least two wrong answers are wrong, among them the exercise's classic mistake with its message."""

import json
import math
import re
import tomllib
from collections import Counter

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from makemore_lib import (bigram_pairs, bigram_probs, bigrams, count_bigrams, counts_nll, itos, name_nll,
                          net_probs, sample_names, split_names, stoi, train_counts, uniform_probs)
from makemore_lib.exercises import (EXERCISES, EXPORTED, FIGURES, FUNCTIONS, PARTS, TABLE, TEXTS, _Data, check,
                                    export_checks, hint)
from makemore_lib.ngrams import count_ngrams, top_ngrams

from conftest import ROOT

TINY = ["emma", "ava", "anna"]


def wrong(result, mistake, words):
    """The result is a wrong answer, recognised as ``mistake``, with ``words`` in its message."""
    assert not result, result
    assert result.mistake == mistake, result
    assert words in str(result), result
    return True


# --- without the dataset ------------------------------------------------------------------------------------------

def test_every_exercise_of_the_book_has_a_check_under_the_chapter_s_title():
    headings = {}
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            headings |= dict(re.findall(r"^### Exercise (\d+\.\d+): (.+)$", "".join(cell["source"]), re.M))
    assert {ex_id: ex["title"] for ex_id, ex in EXERCISES.items()} == headings


@pytest.mark.dataset
def test_every_part_has_its_messages_references_and_mistakes(names):
    d = _Data(tuple(names))
    for pid, part in PARTS.items():
        assert part["right"].startswith("Right") and part["wrong"] and part["asks"], pid
        found = set(part["mistakes"]) - {"order", "shape", "raised"}
        if part["kind"] == "function":      # tried on cases; mistakes are tests of the output or of an error
            assert pid in FUNCTIONS and pid not in TABLE, pid
            assert "raised" in part["mistakes"], pid
            assert set(FUNCTIONS[pid][1]) - {""} == found, pid
        else:                               # a reference, and the answer each mistake gives
            assert pid in TABLE and pid not in FUNCTIONS, pid
            assert set(d.answers(pid)[1]) == found, pid
    for ex in EXERCISES.values():
        assert 1 <= len(ex["hints"]) <= 2


def test_every_placeholder_of_a_message_is_filled():
    """{name} in a message is a figure of the dataset, a common text, or a value the checker supplies."""
    supplied = {"answer", "tolerance", "input", "inputs", "got", "want", "error", "char", "trigram", "row", "col",
                "shape"}
    used = set(re.findall(r"\{(\w+)\}", json.dumps(TEXTS["exercises"])))
    assert used <= supplied | set(FIGURES) | set(TEXTS["common"]), used - supplied - set(FIGURES) - set(TEXTS["common"])


def test_the_texts_are_installed_with_the_library():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "exercises.json" in config["tool"]["setuptools"]["package-data"]["makemore_lib"]


@pytest.mark.parametrize("exercise, error, words", [
    ("9.9", ValueError, "exercise must be one of '1.1', '1.2'"),
    (2.1, TypeError, "exercise must be a string such as '2.1' or '2.1a', not 2.1"),
    ("2.1", TypeError, "answer for exercise 2.1 must be a tuple of 4 answers (2.1a: the most likely first letter; "
                       "2.1b: how likely that first letter is;"),
])
def test_bad_exercise_or_answer_shape(exercise, error, words):
    with pytest.raises(error, match=re.escape(words)):
        check(exercise, 1, names=TINY)


@pytest.mark.parametrize("part, answer, words", [
    ("1.2a", "many", "answer for 1.2a must be a number (how many of the 729 possible bigrams occur), not 'many'"),
    ("1.2b", 5, "answer for 1.2b must be a string (the bigram that can never occur), not 5"),
    ("1.3a", "trigrams", "answer for 1.3a must be a function (trigrams(name) -> the list of its 3-character "
                         "strings), not 'trigrams'"),
    ("1.1a", 5, "answer for 1.1a must be a Counter or dict (what follows q:"),
    ("2.3a", [1, 2], "answer for 2.3a must be a tensor (the trigram counts, 729 x 27"),
    ("2.3b", "..a", "answer for 2.3b must be a list of strings"),
])
def test_wrong_type_of_answer_names_the_part_and_what_it_asks(part, answer, words):
    with pytest.raises(TypeError, match=re.escape(words)):
        check(part, answer, names=TINY)


def test_bad_names():
    with pytest.raises(TypeError, match=re.escape("names must be a list of names (strings), or None for the "
                                                  "dataset, not 'emma'")):
        check("1.2a", 3, names="emma")


def test_hints():
    for ex_id, ex in EXERCISES.items():
        for n in range(1, len(ex["hints"]) + 1):
            assert str(hint(ex_id, n)).endswith(ex["hints"][n - 1])
    assert hint("2.1c") == hint("2.1")
    with pytest.raises(ValueError, match=re.escape("n must be 1 or 2 (exercise 3.2 has 2 hints), not 0")):
        hint("3.2", 0)


def test_result_is_truthy_when_right_and_shows_its_message(capsys):
    right, bad = check("1.2a", 11, names=TINY), check("1.2a", 12, names=TINY)
    assert right and not bad
    assert repr(bad) == str(bad) == bad
    assert capsys.readouterr().out == ""


def test_numbers_words_and_lists_are_normalised():
    assert check("1.2b", "  '..' ", names=TINY)
    assert check("1.2a", "11", names=TINY)
    assert check("1.2a", torch.tensor(11), names=TINY)
    assert check("1.2a", np.int64(11), names=TINY)


def test_a_whole_exercise_at_once():
    result = check("1.2", (10, ".."), names=TINY)
    assert not result and result.mistake == "end_token"
    assert str(result).startswith("1 of 2 right. 1.2a: The end bigrams")


def test_an_answer_only_one_part_can_take_goes_to_that_part():
    def trigrams(name):
        chs = ".." + name + "."
        return [chs[i:i + 3] for i in range(len(chs) - 2)]

    assert check("1.3", trigrams, names=TINY).part == "1.3a"
    assert check("1.3", 14, names=TINY).part == "1.3b"
    assert check("1.2", "..", names=TINY)


def test_mistakes_are_recognised_on_a_few_names():
    few = ["anna", "ann", "emma", "ava", "nina", "jan", "quinn"]
    counts = count_bigrams(few)
    n = stoi["n"]
    assert check("2.1d", bigram_probs(counts)[n, 0], names=few)
    assert wrong(check("2.1d", (counts / counts.sum(1))[n, 0], names=few), "keepdim", "the keepdim bug")
    assert wrong(check("1.3a", lambda w: [(".." + w)[i:i + 3] for i in range(len(w))], names=few), "end_token",
                 "The end token is missing")
    assert wrong(check("4.1b", lambda total, k: k / (total + k), names=few), "rows_not_1", "do not sum to 1")
    assert wrong(check("5.3a", lambda z, y: -(z.exp() / z.exp().sum(1, keepdim=True))[torch.arange(len(y)), y]
                       .log().mean(), names=few), "unstable", "overflows")


def test_export_is_json_and_computed_from_the_names():
    out = export_checks(TINY, parts=["1.2a", "1.2b", "2.1a"])
    json.dumps(out, allow_nan=False)
    assert out["1.2a"]["expected"] == int((count_bigrams(TINY) > 0).sum())
    assert out["2.1a"]["expected"] == "a"
    with pytest.raises(ValueError, match=re.escape("parts must list number, word or list parts (1.1b, 1.2a")):
        export_checks(TINY, parts=["1.3a"])


# --- on the dataset: each exercise ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def P(counts):
    return bigram_probs(counts)


@pytest.mark.dataset
def test_1_1(names, counts):
    after_q = Counter(b[1] for w in names for b in bigrams(w) if b[0] == "q")
    share = 100 * after_q["u"] / sum(after_q.values())
    assert check("1.1a", after_q, names) and check("1.1a", after_q.most_common(), names)
    assert check("1.1b", round(share), names) and check("1.1b", share / 100, names)
    no_end = Counter(b[1] for w in names for b in bigrams(w)[:-1] if b[0] == "q")
    assert wrong(check("1.1a", no_end, names), "end_token", "The end token is missing: 28 names end in q")
    unique = Counter(b[1] for w in set(names) for b in bigrams(w) if b[0] == "q")
    assert wrong(check("1.1a", unique, names), "unique_names", "counts of the 29,494 different names")
    assert wrong(check("1.1b", 100 * no_end["u"] / sum(no_end.values()), names), "end_token",
                 "That leaves out the 28 q's that end a name")
    assert wrong(check("1.1a", {**after_q, "a": 12}, names), None, "after q, 'a' should be counted 13 times")


@pytest.mark.dataset
def test_1_2(names):
    seen = Counter(b for w in names for b in bigrams(w))
    assert check("1.2", (len(seen), ".."), names)
    no_end = {b for w in names for b in bigrams(w)[:-1]}
    assert wrong(check("1.2a", len(no_end), names), "end_token", "The end bigrams ('a.', 'n.'...) are missing")
    assert wrong(check("1.2a", sum(seen.values()), names), "with_repeats", "repeats included")
    assert wrong(check("1.2b", "qq", names), "rare", "That one is only rare")


@pytest.mark.dataset
def test_1_3(names):
    def trigrams(name):
        chs = ".." + name + "."
        return [chs[i:i + 3] for i in range(len(chs) - 2)]

    def no_end(name):
        chs = ".." + name
        return [chs[i:i + 3] for i in range(len(chs) - 2)]

    def one_start(name):
        chs = "." + name + "."
        return [chs[i:i + 3] for i in range(len(chs) - 2)]

    assert check("1.3", (trigrams, sum(len(trigrams(w)) for w in names)), names)
    assert wrong(check("1.3a", no_end, names), "end_token", "The end token is missing: trigrams('emma') should "
                                                            "be ['..e', '.em', 'emm', 'mma', 'ma.']")
    assert wrong(check("1.3a", one_start, names), "one_start", "Only one '.' in front")
    assert wrong(check("1.3a", lambda w: list(zip(w, w[1:], w[2:])), names), "not_strings", "return strings")
    assert wrong(check("1.3a", lambda w: trigrams(w) if w[0] else [], names), "raised",
                 "trigrams('') raised IndexError")
    assert wrong(check("1.3b", sum(len(no_end(w)) for w in names), names), "end_token",
                 "one trigram short per name (32,033 names)")


@pytest.mark.dataset
def test_2_1(names, counts, P):
    first, after_a = int(P[0].argmax()), int(P[stoi["a"]].argmax())
    assert check("2.1", (itos[first], float(P[0, first]), itos[after_a], float(P[stoi["n"], 0])), names)
    assert check("2.1b", round(float(P[0, first]), 4), names)
    buggy = counts / counts.sum(1)       # the keepdim bug
    keepdim = "the keepdim bug: N.sum(1) without keepdim=True has shape (27,)"
    assert wrong(check("2.1d", buggy[stoi["n"], 0], names), "keepdim", keepdim)
    assert wrong(check("2.1a", itos[int(buggy[0].argmax())], names), "keepdim", keepdim)
    assert wrong(check("2.1b", buggy[0].max(), names), "keepdim", keepdim)
    assert wrong(check("2.1d", P[0, stoi["n"]], names), "transposed", "That is P[0, n]")
    assert wrong(check("2.1c", "N", names), "likeliest_letter", "n is the likeliest letter after a")


@pytest.mark.dataset
def test_2_2(names, P):
    known = set(names)

    def samples(probs):
        return sample_names(probs, 1000, torch.Generator().manual_seed(2147483647))

    bigram_samples, uniform_samples = samples(P), samples(uniform_probs())
    bigram_real = sum(w in known for w in bigram_samples) / 10
    uniform_real = sum(w in known for w in uniform_samples) / 10
    assert check("2.2", (bigram_real, uniform_real), names)
    assert check("2.2a", bigram_real / 100, names)
    unique = 100 * len(set(bigram_samples) & known) / len(set(bigram_samples))
    assert wrong(check("2.2a", unique, names), "unique_samples", "counts each different sample once")
    assert wrong(check("2.2b", bigram_real, names), "bigram", "That is the bigram model's share")


@pytest.mark.dataset
def test_2_3(names):
    N3 = count_ngrams(names, 3)
    nonzero = int((N3 > 0).sum())
    assert check("2.3", (N3, top_ngrams(N3, 5), nonzero), names)
    assert check("2.3a", N3.view(27, 27, 27).numpy(), names)
    # What the chapter's loop counts with the end token forgotten (no trigram ends in '.') or with the rows
    # numbered 27 * c2 + c1 (the two characters of the context swapped).
    no_end = N3.clone()
    no_end[:, 0] = 0
    swapped = N3.view(27, 27, 27).transpose(0, 1).reshape(27 * 27, 27)
    assert wrong(check("2.3a", no_end, names), "end_token", "The end token is missing: no trigram ends in '.'")
    assert wrong(check("2.3a", swapped, names), "swapped", "Rows numbered 27 * c2 + c1")
    assert wrong(check("2.3a", count_bigrams(names), names), "shape", "A table of shape (27, 27)")
    top = [t for t, _ in top_ngrams(N3, 5)]
    assert wrong(check("2.3b", top[::-1], names), "order", "The right five, in another order")
    assert wrong(check("2.3c", int((no_end > 0).sum()), names), "end_token", "the trigrams ending in '.'")


@pytest.mark.dataset
def test_3_1(names, counts, P):
    loss = counts_nll(counts, P)
    uniform = counts_nll(counts, uniform_probs())
    assert check("3.1", (math.exp(loss), math.exp(uniform), math.exp(-loss), math.exp(0.1)), names)
    assert check("3.1a", 11.63, names) and check("3.1d", 1.1, names)
    xs, ys = bigram_pairs(names)
    summed = -P.log()[xs, ys].sum()
    assert wrong(check("3.1a", summed.exp(), names), "sum_not_mean", "Your loss is the sum instead of the mean")
    assert wrong(check("3.1a", loss, names), "loss", "That is the loss itself")
    assert wrong(check("3.1b", 1 / 27, names), "typical", "the typical probability, 1/27")
    assert wrong(check("3.1d", math.exp(-0.1), names), "multiplier", "That is e^-0.1")
    assert wrong(check("3.1d", 0.1, names), "difference", "That is how much the loss falls")


@pytest.mark.dataset
def test_3_2(names, counts, P):
    N1 = count_ngrams(names, 1)
    assert check("3.2", counts_nll(N1, bigram_probs(N1)), names)
    unique = count_ngrams(sorted(set(names)), 1)
    assert wrong(check("3.2", counts_nll(unique, bigram_probs(unique)), names), "unique_names",
                 "That averages over the 29,494 different names")
    letters = N1[0, 1:].double()                # the end token left out
    letters_loss = float(-(letters * (letters / letters.sum()).log()).sum() / letters.sum())
    assert wrong(check("3.2", letters_loss, names), "end_token",
                 "The end token is missing")
    assert wrong(check("3.2", counts_nll(N1, bigram_probs(N1)) * int(N1.sum()), names), "sum_not_mean",
                 "That is the sum instead of the mean")
    assert wrong(check("3.2", counts_nll(counts, P), names), "bigram", "That is the bigram model's loss")


@pytest.mark.dataset
def test_3_3(names, P):
    times = Counter(names)
    twice = [w for w, k in times.items() if k == 2]
    unique = sorted(times)
    xs, ys = bigram_pairs(unique)
    nll = -P.log()[xs, ys].numpy()
    sizes = np.array([len(w) + 1 for w in unique])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    totals = np.add.reduceat(nll, starts)
    order = np.argsort(totals / sizes, kind="stable")
    assert check("3.3", (len(twice), unique[order[0]], unique[order[-1]]), names)
    by_sum = np.argsort(totals, kind="stable")
    assert wrong(check("3.3b", unique[by_sum[0]], names), "sum_not_mean", "rank by the average per bigram")
    assert wrong(check("3.3c", unique[by_sum[-1]], names), "sum_not_mean", "rank by the average per bigram")
    assert wrong(check("3.3b", unique[order[-1]], names), "reversed", "That is the least likely name")
    assert wrong(check("3.3a", 2 * len(twice), names), "copies", "That counts both copies")


@pytest.mark.dataset
def test_4_1(names, counts, P):
    j, q = stoi["j"], stoi["q"]
    assert check("4.1", (bigram_probs(counts, 1)[j, q], lambda total, k: k / (total + 27 * k)), names)
    assert wrong(check("4.1a", P[j, q], names), "unsmoothed", "N instead of N + 1")
    assert wrong(check("4.1a", 1 / (int(counts[j].sum()) + 1), names), "rows_not_1",
                 "a row whose probabilities do not sum to 1")
    buggy = (counts + 1) / (counts + 1).sum(1)
    assert wrong(check("4.1a", buggy[j, q], names), "keepdim", "the keepdim bug")
    assert wrong(check("4.1b", lambda total, k: k / (total + k), names), "rows_not_1",
                 "a row whose probabilities do not sum to 1")
    assert wrong(check("4.1b", lambda total, k: 1 / (total + 27), names), "ignores_k", "Your formula ignores k")
    assert wrong(check("4.1b", lambda total, k: 1 / (total / k + 27), names), "raised",   # right but for k = 0
                 "p_unseen(100, 0) raised ZeroDivisionError")


@pytest.mark.dataset
def test_4_2(names, counts):
    P1 = bigram_probs(counts, k=1)
    unseen_mass = (P1 * (counts == 0)).sum(1)
    top = int(unseen_mass.argmax())
    assert check("4.2", (itos[top], float(unseen_mass[top])), names)
    unsmoothed = (bigram_probs(counts) * (counts == 0)).sum(1)
    assert wrong(check("4.2b", 100 * unsmoothed[top], names), "unsmoothed", "N instead of N + 1")
    assert wrong(check("4.2a", itos[int(unsmoothed.argmax())], names), "unsmoothed", "N instead of N + 1")
    assert wrong(check("4.2a", "e", names), None, "Not that one")


@pytest.mark.dataset
def test_4_3(names, counts):
    ks = np.logspace(-3, 3, 25)
    losses = [name_nll("andrejq", bigram_probs(counts, float(k))) for k in ks]
    best = int(np.argmin(losses))
    assert check("4.3", (ks[best], losses[best]), names)
    assert check("4.3a", 339, names)            # the optimum of a finer grid is within the factor stated
    assert wrong(check("4.3a", 1, names), "lecture", "k = 1 is the lecture's choice")
    assert wrong(check("4.3a", 0, names), "unsmoothed", "With k = 0 the unseen 'jq'")
    assert wrong(check("4.3a", 100, names), None, "within a factor of 1.5")


@pytest.mark.dataset
def test_5_1(names, counts):
    runs = {lr: train_counts(counts, steps=100, lr=lr, l2=0) for lr in [1, 10, 50, 100, 1000]}
    best = min(runs, key=lambda lr: runs[lr].final_loss)
    assert check("5.1", (runs[50].final_loss, best), names)
    assert wrong(check("5.1a", runs[50].losses[-1], names), "before_last",
                 "That is run.losses[-1], the loss before the 100th step")
    with_l2 = train_counts(counts, steps=100, lr=50, l2=0.01)
    assert wrong(check("5.1a", with_l2.final_loss, names), "with_l2", "That is with the L2 term")
    assert wrong(check("5.1a", with_l2.losses[-1], names), "with_l2", "That is with the L2 term")
    assert wrong(check("5.1b", 100, names), "overshoot", f"lr = 100 ends slightly worse "
                                                         f"({runs[100].final_loss:.4f})")
    assert wrong(check("5.1b", 1000, names), "diverges", f"its loss ends at {runs[1000].final_loss:.4f}")


@pytest.mark.dataset
def test_5_2(names):
    xs, _ = bigram_pairs(names)
    assert check("5.2", (lambda W, xs: W[xs], len(xs) * 27 * 27), names)
    assert wrong(check("5.2a", lambda W, xs: F.one_hot(xs).float() @ W, names), "num_classes",
                 "F.one_hot(xs) without num_classes=27")
    assert wrong(check("5.2a", lambda W, xs: W[:, xs], names), "columns", "Your function picks columns of W")
    assert wrong(check("5.2a", lambda W, xs: W.data[xs], names), "no_grad", "the gradient does not reach W")
    assert wrong(check("5.2b", len(xs) * 27, names), "copies", "That is how many numbers W[xs] copies")


@pytest.mark.dataset
def test_5_3(names):
    def stable_nll(logits, ys):
        shifted = logits - logits.max(1, keepdim=True).values
        log_probs = shifted - shifted.exp().sum(1, keepdim=True).log()
        return -log_probs[torch.arange(len(ys)), ys].mean()

    def manual_nll(logits, ys):
        counts_hat = logits.exp()
        probs = counts_hat / counts_hat.sum(1, keepdims=True)
        return -probs[torch.arange(len(ys)), ys].log().mean()

    def no_keepdim(logits, ys):
        shifted = logits - logits.max(1).values
        log_probs = shifted - shifted.exp().sum(1, keepdim=True).log()
        return -log_probs[torch.arange(len(ys)), ys].mean()

    largest = math.log(torch.finfo(torch.float32).max)
    assert check("5.3", (stable_nll, largest), names)
    assert check("5.3a", F.cross_entropy, names)
    assert wrong(check("5.3a", manual_nll, names), "unstable", "Your loss is nan for logits [[100.0, 0.0, -5.0]]")
    assert wrong(check("5.3a", no_keepdim, names), "keepdim", "The keepdim broadcasting bug")
    assert wrong(check("5.3a", lambda z, y: F.cross_entropy(z, y, reduction="sum"), names), "sum_not_mean",
                 "That is the sum instead of the mean")
    assert wrong(check("5.3b", math.log(torch.finfo(torch.float64).max), names), "float64", "float64's limit")


@pytest.mark.dataset
def test_6_1(names, counts):
    N3 = count_ngrams(names, 3)
    trigram_loss = counts_nll(N3, bigram_probs(N3))
    net = train_counts(N3, steps=200, lr=100, l2=0.0)
    assert check("6.1", (trigram_loss, int((N3 > 0).sum()), net.final_loss), names)
    assert check("6.1c", counts_nll(N3, net_probs(net.W)), names)      # as the chapter's solution computes it
    assert wrong(check("6.1c", net.losses[-1], names), "before_last", "the loss before the 200th step")
    assert wrong(check("6.1c", trigram_loss, names), "counting", "That is the counting model's loss")
    unique = count_ngrams(sorted(set(names)), 3)
    assert wrong(check("6.1a", counts_nll(unique, bigram_probs(unique)), names), "unique_names",
                 "That averages over the 29,494 different names")
    assert wrong(check("6.1a", counts_nll(counts, bigram_probs(counts)), names), "bigram",
                 "That is the bigram model's loss")
    assert wrong(check("6.1a", counts_nll(N3, bigram_probs(N3, 1.0)), names), "smoothed",
                 "That is with one fake count per cell")


@pytest.mark.dataset
def test_6_2(names):
    train_names, dev_names, _ = split_names(names, (0.8, 0.1, 0.1), seed=42)

    def dev_loss(n, fit, k=1.0):
        return counts_nll(count_ngrams(dev_names, n), bigram_probs(count_ngrams(fit, n), k=k))

    N3_train, N3_dev = count_ngrams(train_names, 3), count_ngrams(dev_names, 3)
    unseen = int(((N3_dev > 0) & (N3_train == 0)).sum())
    assert check("6.2", (dev_loss(2, train_names), dev_loss(3, train_names), unseen), names)
    assert wrong(check("6.2b", dev_loss(3, train_names, k=0.0), names), "unsmoothed",
                 "An infinite loss: that is the unsmoothed model (N instead of N + 1)")
    assert wrong(check("6.2b", dev_loss(3, names), names), "all_names", "That model was fit on all names")
    assert wrong(check("6.2a", dev_loss(2, names), names), "all_names", "That model was fit on all names")


@pytest.mark.dataset
def test_6_3(names):
    train_names, dev_names, test_names = split_names(names, (0.8, 0.1, 0.1), seed=42)
    N3_train, N3_dev = count_ngrams(train_names, 3), count_ngrams(dev_names, 3)
    ks = np.logspace(-3, 2, 41)
    dev_curve = [counts_nll(N3_dev, bigram_probs(N3_train, float(k))) for k in ks]
    train_curve = [counts_nll(N3_train, bigram_probs(N3_train, float(k))) for k in ks]
    best_k = float(ks[int(np.argmin(dev_curve))])
    test_loss = counts_nll(count_ngrams(test_names, 3), bigram_probs(N3_train, best_k))
    assert check("6.3", (best_k, test_loss), names)
    assert wrong(check("6.3a", ks[int(np.argmin(train_curve))], names), "training",
                 "That is where the training loss is lowest")
    assert wrong(check("6.3a", 1.0, names), "lecture", "k = 1 is the lecture's choice")
    test_k1 = counts_nll(count_ngrams(test_names, 3), bigram_probs(N3_train, 1.0))
    assert wrong(check("6.3b", test_k1, names), "lecture", "That is the test loss at k = 1")


@pytest.mark.dataset
def test_the_page_gets_the_same_messages(names):
    """Every message the page embeds is what check() says for that answer: right, each mistake, and wrong."""
    out = export_checks(names)
    json.dumps(out, allow_nan=False)
    assert set(out) == {pid for pid, part in PARTS.items() if part["kind"] in EXPORTED}
    nowhere = {"number": -12345.0, "word": "#", "list": ["#"] * 5}      # an answer no mistake explains
    for pid, entry in out.items():
        assert shown_as(entry["messages"]["right"], check(pid, entry["expected"], names)), pid
        assert shown_as(entry["messages"]["wrong"], check(pid, nowhere[entry["kind"]], names)), pid
        for mistake in entry["messages"]["mistakes"]:
            answers = mistake.get("any", [mistake.get("value", 10 * mistake.get("above", 0))])
            if mistake.get("same_items"):
                answers = [entry["expected"][::-1]]
            for answer in answers:
                result = check(pid, answer, names)
                assert result.mistake == mistake["name"], (pid, mistake)
                assert shown_as(mistake["message"], result), (pid, result)


def shown_as(template, result):
    """The page's message, its {answer} filled with the answer, is Python's."""
    return re.fullmatch(re.escape(template).replace(re.escape("{answer}"), ".+"), str(result)) is not None
