"""Check yourself: ``check(exercise, answer)`` and ``hint(exercise)`` for every exercise of the book.

An exercise has one or more parts, each asking for one answer: ``2.1`` asks four things, checked one at a time
as ``2.1a``..``2.1d`` or all at once with a tuple. ``check`` compares the reader's value (or function, tried on
several inputs, edge cases included) with the reference computed from the dataset by makemore_lib, and answers
in a sentence or two: right, or what is wrong and a nudge, naming the classic mistakes where it recognises
them. Every message and hint lives in ``EXERCISES`` below; ``export_checks`` hands the number, word and list
parts (expected answers computed from the dataset at call time, tolerances, messages) to the page as JSON.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cached_property, lru_cache

import numpy as np
import torch
import torch.nn.functional as F

from makemore_lib import (bigram_pairs, bigram_probs, count_bigrams, counts_nll, itos, load_names, name_nll,
                          sample_names, split_names, stoi, train_counts, uniform_probs, vocab_size)

SEED = 2147483647
"""The lecture's seed, used by the exercises that sample."""

# --- the messages: one place, for Python and (through export_checks) for the page ------------------------------
#
# Each part: its kind (number, word, list: exported to the page; counts, function, table: Python only), what it
# asks, how close a number must be (decimals, or a factor for k's on a log scale; "percent" parts also take a
# fraction), the message when right, the generic one when wrong, and one message per recognised mistake.
# {answer} is filled with the reader's answer, {tolerance} with the stated tolerance, other {names} with
# figures of the dataset (FACTS below) or of the checker.

KEEPDIM = ("the keepdim bug: N.sum(1) without keepdim=True has shape (27,), which broadcasts as a row, so "
           "column j is divided by row j's total; use N.sum(1, keepdim=True) so that each row is divided by "
           "its own total.")
UNSMOOTHED = "the unsmoothed model (N instead of N + 1), in which every bigram never seen has probability 0."
ROWS_NOT_1 = ("a row whose probabilities do not sum to 1: each of the 27 cells of the row gets its fake count, so "
              "the row total grows by 27 k, not k.")

EXERCISES: dict[str, dict] = {
    "1.1": {
        "title": "What follows q?",
        "hints": ["Every bigram whose first character is q tells you what follows one q: "
                  "`bigrams(name)` gives them, end included.",
                  "A `Counter` counts them for you; the row of q in the counts N holds the same numbers."],
        "parts": {
            "1.1a": {"kind": "counts", "asks": "what follows q: a Counter (or dict) of next character -> count, "
                                               "'.' for the end of a name",
                     "right": "Right: {q_total} q's, {q_u} of them followed by u and {q_end} at the end of a name.",
                     "wrong": "Not quite: after q, {char} should be counted {want} times, not {got}. Count every "
                              "bigram that starts with q, over every name of the list.",
                     "mistakes": {
                         "end_token": "The end token is missing: {q_end} names end in q, and that is a bigram "
                                      "too ('q.'). `bigrams(name)` adds '.' at both ends.",
                         "unique_names": "These are the counts of the {n_unique} different names: count every "
                                         "name of the list, repeats included ({n_twice} names occur twice).",
                         "before_q": "These are the characters that come before q; the question is what follows q.",
                     }},
            "1.1b": {"kind": "number", "asks": "the share of q's followed by u, in percent", "unit": "percent",
                     "decimals": 0,
                     "right": "Right ({tolerance}): {q_u} of the {q_total} q's are followed by u, and {q_end} "
                              "end a name.",
                     "wrong": "Not quite ({tolerance}): divide the q's followed by u by all the q's, those at the "
                              "end of a name included.",
                     "mistakes": {
                         "end_token": "That leaves out the {q_end} q's that end a name: the end token counts as "
                                      "what follows q too.",
                     }},
        },
    },
    "1.2": {
        "title": "How many different bigrams?",
        "hints": ["Put every bigram of every name in a set (or a Counter) and take its length.",
                  "The start and end bigrams ('.e', 'a.') count too. For the impossible one: what would a name "
                  "with no letters look like?"],
        "parts": {
            "1.2a": {"kind": "number", "asks": "how many of the 729 possible bigrams occur", "decimals": None,
                     "right": "Right ({tolerance}): the other {n_missing} are missing, most of them just rare.",
                     "wrong": "Not quite ({tolerance}): count the different bigrams of all names, start and end "
                              "bigrams included.",
                     "mistakes": {
                         "end_token": "The end bigrams ('a.', 'n.'...) are missing: add '.' at the end of each "
                                      "name too.",
                         "start_end": "Those are the pairs of letters only: the start ('.e') and end ('a.') "
                                      "bigrams count too.",
                         "with_repeats": "That is every bigram of the list, repeats included: count the "
                                         "different ones (a set).",
                         "possible": "That is every possible bigram; how many of them actually occur?",
                     }},
            "1.2b": {"kind": "word", "asks": "the bigram that can never occur",
                     "right": "Right: '..' would be a name with no letters.",
                     "wrong": "Not that one: which bigram would need a name with no letters at all?",
                     "mistakes": {
                         "rare": "That one is only rare: no name here has it, but a name could. Which bigram "
                                 "would need a name with no letters at all?",
                     }},
        },
    },
    "1.3": {
        "title": "Trigrams",
        "hints": ["Pad first: `'..' + name + '.'`, then take every window of three characters.",
                  "A name of n letters gives n + 1 windows, one ending on each character of `name + '.'`."],
        "parts": {
            "1.3a": {"kind": "function", "asks": "a function trigrams(name) -> list of 3-character strings",
                     "right": "Right: your trigrams agree with the reference on {inputs}.",
                     "wrong": "Not quite: trigrams({input}) gave {got}, the reference gives {want}.",
                     "mistakes": {
                         "end_token": "The end token is missing: trigrams({input}) should end with {last}; pad "
                                      "with one '.' behind the name.",
                         "one_start": "Only one '.' in front: trigrams({input}) should start with {first}; pad "
                                      "with two '.' in front, so that the first letter has a context of two.",
                         "not_strings": "trigrams({input}) gave {got}: return strings such as '.em', not "
                                        "tuples or lists of characters.",
                         "raised": "trigrams({input}) raised {error}: the function should work for any name, "
                                   "the empty one included.",
                     }},
            "1.3b": {"kind": "number", "asks": "how many trigrams the dataset holds", "decimals": None,
                     "right": "Right ({tolerance}): as many as bigrams, one per letter plus one per end.",
                     "wrong": "Not quite ({tolerance}): add up len(trigrams(name)) over every name of the list.",
                     "mistakes": {
                         "end_token": "That is one trigram short per name ({n_names} names): pad with two '.' in "
                                      "front and one behind, the end token included.",
                         "unique_names": "That counts each of the {n_unique} different names once: count every "
                                         "name of the list, repeats included.",
                     }},
        },
    },
    "2.1": {
        "title": "Reading P",
        "hints": ["Row i of P is the distribution of what follows character i; row 0 (the '.') is the "
                  "distribution of first letters.",
                  "`P[0].argmax()` is the index of the likeliest first letter; the end of a name is column 0, "
                  "so the end after n is `P[stoi['n'], 0]`."],
        "parts": {
            "2.1a": {"kind": "word", "asks": "the most likely first letter",
                     "right": "Right: more names start with {answer} than with any other letter.",
                     "wrong": "Not that one: look for the largest entry of row 0 of P (the row of '.').",
                     "mistakes": {"keepdim": "That is what P gives with " + KEEPDIM}},
            "2.1b": {"kind": "number", "asks": "how likely that first letter is", "decimals": 3,
                     "right": "Right ({tolerance}): the share of the names that start with {first}, read from a "
                              "row that sums to 1.",
                     "wrong": "Not quite ({tolerance}): read it from row 0 of P, where each row sums to 1.",
                     "mistakes": {
                         "keepdim": "Your P has " + KEEPDIM,
                         "count": "That is the count N[0, a]: P divides it by the total of its row.",
                     }},
            "2.1c": {"kind": "word", "asks": "the character that most likely follows a ('.' for the end)",
                     "right": "Right: after a, the likeliest thing is the end of the name: many names end in a.",
                     "wrong": "Not that one: look for the largest entry of the row of a, column 0 (the end) "
                              "included.",
                     "mistakes": {
                         "likeliest_letter": "{answer} is the likeliest letter after a, but one character is "
                                             "likelier still: look at column 0 too.",
                         "keepdim": "That is what P gives with " + KEEPDIM,
                     }},
            "2.1d": {"kind": "number", "asks": "the probability that a name ends right after an n",
                     "decimals": 3,
                     "right": "Right ({tolerance}): the share of the n's that end their name.",
                     "wrong": "Not quite ({tolerance}): the row is the character before (n), the column the one "
                              "after (the end, column 0).",
                     "mistakes": {
                         "keepdim": "Your P has " + KEEPDIM,
                         "transposed": "That is P[0, n], the probability that a name starts with n: the row is "
                                       "the character before, so it is P[stoi['n'], 0].",
                         "count": "That is the count N[n, .]: P divides it by the total of row n.",
                     }},
        },
    },
    "2.2": {
        "title": "Invented or copied?",
        "hints": ["Sample with a new `torch.Generator().manual_seed(2147483647)` for each model, then count the "
                  "samples that are in `set(names)`.",
                  "Count all 1,000 samples, repeats included, and divide by 1,000."],
        "parts": {
            "2.2a": {"kind": "number", "asks": "the share of the bigram model's 1,000 samples that are real names, "
                                               "in percent", "unit": "percent", "decimals": 1,
                     "right": "Right ({tolerance}): {bigram_real}% of its samples are real names: it invents far "
                              "more than it copies.",
                     "wrong": "Not quite ({tolerance}): sample 1,000 names from P with the generator seeded "
                              "2147483647 and count those in set(names).",
                     "mistakes": {
                         "unique_samples": "That counts each different sample once: count all 1,000 samples, "
                                           "repeats included.",
                         "uniform": "That is the uniform model's share; this part asks for the bigram model's.",
                     }},
            "2.2b": {"kind": "number", "asks": "the share of the uniform model's 1,000 samples that are real names, "
                                               "in percent", "unit": "percent", "decimals": 1,
                     "right": "Right ({tolerance}): the uniform model almost never hits a real name, and when it "
                              "does, the name is short.",
                     "wrong": "Not quite ({tolerance}): sample 1,000 names from uniform_probs() with a generator "
                              "seeded 2147483647 and count those in set(names).",
                     "mistakes": {
                         "bigram": "That is the bigram model's share; this part asks for the uniform model's.",
                     }},
        },
    },
    "2.3": {
        "title": "Counting trigrams",
        "hints": ["Pad each name with two '.' in front and one behind; the row of the pair (c1, c2) is "
                  "27 * stoi[c1] + stoi[c2].",
                  "Check your loop on a few names against `makemore_lib.ngrams.count_ngrams(names, 3)`."],
        "parts": {
            "2.3a": {"kind": "table", "asks": "the trigram counts: a 729 x 27 tensor (or 27 x 27 x 27)",
                     "right": "Right: your table holds every trigram of the list, {n_trigrams} in all.",
                     "wrong": "Not quite: the cell of {trigram} (row {row}, column {col}) holds {got}, not "
                              "{want}.",
                     "mistakes": {
                         "end_token": "The end token is missing: no trigram ends in '.'. Pad each name with one "
                                      "'.' behind.",
                         "one_start": "The trigrams '..x' are missing: pad each name with two '.' in front.",
                         "swapped": "Rows numbered 27 * c2 + c1: the first character of the context is the "
                                    "high digit, row 27 * stoi[c1] + stoi[c2].",
                         "unique_names": "These are the counts of the {n_unique} different names: count every "
                                         "name of the list, repeats included.",
                         "shape": "A table of shape {shape}: the trigram table has one row for each of the 729 "
                                  "pairs of characters and 27 columns.",
                     }},
            "2.3b": {"kind": "list", "asks": "the five commonest trigrams, commonest first",
                     "right": "Right: all five are starts of names.",
                     "wrong": "Not quite: the five largest cells of the trigram table, read as "
                              "context + next character (such as '.em').",
                     "mistakes": {
                         "order": "The right five, in another order: list them commonest first.",
                     }},
            "2.3c": {"kind": "number", "asks": "how many of the 19,683 cells are not zero", "decimals": None,
                     "right": "Right ({tolerance}): {trigram_fill}% of the table is filled; most trigrams are "
                              "never seen.",
                     "wrong": "Not quite ({tolerance}): count the cells of the trigram table that are above 0.",
                     "mistakes": {
                         "end_token": "That is the table without the end token: the trigrams ending in '.' fill "
                                      "cells too.",
                         "possible": "That is every cell; how many are not zero?",
                     }},
        },
    },
    "3.1": {
        "title": "What the loss means",
        "hints": ["Compute the loss first (`counts_nll(N, P)`), then `math.exp(loss)` and `math.exp(-loss)`.",
                  "The uniform model gives every character 1/27: what is its loss, and e to that loss?"],
        "parts": {
            "3.1a": {"kind": "number", "asks": "the bigram model's perplexity", "decimals": 2,
                     "right": "Right ({tolerance}): the bigram model is as unsure as a fair choice among about "
                              "{perplexity_int} characters.",
                     "wrong": "Not quite ({tolerance}): the perplexity is e to the loss, the average negative "
                              "log-likelihood of every bigram of the list.",
                     "mistakes": {
                         "loss": "That is the loss itself; the perplexity is e to the loss.",
                         "typical": "That is e to minus the loss, the typical probability; the perplexity is its "
                                    "inverse.",
                         "base_2": "That is 2 to the loss; the loss is a natural log, so use e.",
                         "sum_not_mean": "Your loss is the sum instead of the mean: the perplexity is e to the "
                                         "average negative log-likelihood per bigram.",
                     }},
            "3.1b": {"kind": "number", "asks": "the uniform model's perplexity", "decimals": 2,
                     "right": "Right ({tolerance}): exactly 27, a fair choice among 27 characters.",
                     "wrong": "Not quite ({tolerance}): every character has probability 1/27 under the uniform "
                              "model; what is e to its loss?",
                     "mistakes": {
                         "loss": "That is the loss, log 27; the perplexity is e to the loss.",
                         "typical": "That is the typical probability, 1/27; the perplexity is its inverse.",
                     }},
            "3.1c": {"kind": "number", "asks": "the bigram model's typical probability, e to minus the loss",
                     "decimals": 3,
                     "right": "Right ({tolerance}): the geometric mean of the probabilities of what actually "
                              "comes next.",
                     "wrong": "Not quite ({tolerance}): e to minus the loss, with the loss of the bigram model.",
                     "mistakes": {
                         "perplexity": "That is the perplexity, e to the loss; the typical probability is e to "
                                       "minus the loss.",
                     }},
        },
    },
    "3.2": {
        "title": "The unigram model",
        "hints": ["The unigram counts are how often each character is the next character: the column sums of N, "
                  "'.' included.",
                  "Normalise them into one row of 27 probabilities and score every bigram with it: "
                  "`counts_nll` takes a (1, 27) table."],
        "parts": {
            "3.2": {"kind": "number", "asks": "the unigram model's loss", "decimals": 3,
                    "right": "Right ({tolerance}): between the uniform model's {loss_uniform} and the "
                             "bigram's {loss_bigram}.",
                    "wrong": "Not quite ({tolerance}): count every next character (the column sums of N), "
                             "normalise, and average the negative log-probability over every bigram.",
                    "mistakes": {
                        "unique_names": "That averages over the {n_unique} different names: the loss averages "
                                        "over every name of the list, repeats included ({n_twice} names occur "
                                        "twice).",
                        "end_token": "The end token is missing: '.' is a next character too (it ends every "
                                     "name), so count it and score it.",
                        "sum_not_mean": "That is the sum instead of the mean: divide by the number of bigrams.",
                        "uniform": "That is the uniform model's loss, log 27: the unigram model uses how common "
                                   "each character is.",
                        "bigram": "That is the bigram model's loss: the unigram model ignores the previous "
                                  "character.",
                    }},
        },
    },
    "3.3": {
        "title": "The most and least typical names",
        "hints": ["`Counter(names)` tells how often each name occurs. Score every bigram of the different names "
                  "at once: `bigram_pairs(unique)` and `-P.log()[xs, ys]`.",
                  "Name i has `len(name) + 1` bigrams in a row; average each slice (`np.add.reduceat`)."],
        "parts": {
            "3.3a": {"kind": "number", "asks": "how many names occur more than once", "decimals": None,
                     "right": "Right ({tolerance}): none of them occurs more than {max_times} times.",
                     "wrong": "Not quite ({tolerance}): count the names whose Counter value is above 1.",
                     "mistakes": {
                         "copies": "That counts both copies: how many different names occur more than once?",
                         "different": "That is the number of different names; how many occur more than once?",
                     }},
            "3.3b": {"kind": "word", "asks": "the most likely name (lowest average NLL per bigram)",
                     "right": "Right: short, and made of the commonest transitions.",
                     "wrong": "Not that one: average each name's negative log-likelihood over its bigrams, end "
                              "included, and take the lowest.",
                     "mistakes": {
                         "sum_not_mean": "That is the name with the lowest total: rank by the average per "
                                         "bigram (the mean), not the sum, which favours short names.",
                         "reversed": "That is the least likely name.",
                     }},
            "3.3c": {"kind": "word", "asks": "the least likely name (highest average NLL per bigram)",
                     "right": "Right: it is made of pairs that almost never occur.",
                     "wrong": "Not that one: average each name's negative log-likelihood over its bigrams, end "
                              "included, and take the highest.",
                     "mistakes": {
                         "sum_not_mean": "That is the name with the highest total: rank by the average per "
                                         "bigram (the mean), not the sum, which favours long names.",
                         "reversed": "That is the most likely name.",
                     }},
        },
    },
    "4.1": {
        "title": "The formula for one fake count",
        "hints": ["With k = 1, every cell of row j gets one fake count: what is the cell of jq, and what is the "
                  "row's new total?",
                  "The row has 27 cells, so k fake counts in each add 27 k to its total."],
        "parts": {
            "4.1a": {"kind": "number", "asks": "P[j, q] with k = 1", "decimals": 6,
                     "right": "Right ({tolerance}): 1 / (N[j].sum() + 27).",
                     "wrong": "Not quite ({tolerance}): add 1 to every count of row j, then divide the cell of "
                              "q by the new total of the row.",
                     "mistakes": {"unsmoothed": "That is " + UNSMOOTHED, "rows_not_1": "That is " + ROWS_NOT_1,
                                  "keepdim": "Your P has " + KEEPDIM}},
            "4.1b": {"kind": "function", "asks": "a function p_unseen(row_total, k): the probability of a bigram "
                                                 "never seen, in a row of that total, with k fake counts",
                     "right": "Right: k / (row_total + 27 k), for every row total and k tried ({inputs}).",
                     "wrong": "Not quite: p_unseen({input}) gave {got}, the reference gives {want}.",
                     "mistakes": {
                         "rows_not_1": "That is " + ROWS_NOT_1,
                         "ignores_k": "Your formula ignores k: a cell never seen holds k fake counts, and the "
                                      "row total grows by 27 k.",
                         "raised": "p_unseen({input}) raised {error}: it should work for any row total >= 0 and "
                                   "k >= 0 (the total 0 included).",
                     }},
        },
    },
    "4.2": {
        "title": "Where does the probability go?",
        "hints": ["`(P1 * (N == 0)).sum(1)` adds up, row by row, the probability where N is 0.",
                  "A row with few real counts and many empty cells gives the fake counts the largest share."],
        "parts": {
            "4.2a": {"kind": "word", "asks": "the character whose row gives the most probability to unseen "
                                             "bigrams",
                     "right": "Right: {answer} is rare, and most characters never follow it.",
                     "wrong": "Not that one: sum P (with k = 1) over the cells where N is 0, for each row, and "
                              "take the largest.",
                     "mistakes": {"unsmoothed": "In the unsmoothed model (N instead of N + 1) every row gives its unseen "
                                                 "bigrams 0: use k = 1, N + 1."}},
            "4.2b": {"kind": "number", "asks": "how much probability that row gives to its unseen bigrams, in "
                                               "percent", "unit": "percent", "decimals": 1,
                     "right": "Right ({tolerance}): a rare character's row is changed the most by the same fake "
                              "count.",
                     "wrong": "Not quite ({tolerance}): sum P (with k = 1) over the cells of that row where N "
                              "is 0.",
                     "mistakes": {"unsmoothed": "That is " + UNSMOOTHED, "keepdim": "Your P has " + KEEPDIM}},
        },
    },
    "4.3": {
        "title": "The best k for one name",
        "hints": ["`np.logspace(-3, 3, 25)` gives the k's; compute `name_nll('andrejq', bigram_probs(N, k))` "
                  "for each and take the lowest.",
                  "Small k starves the unseen 'jq'; large k flattens the seven common bigrams towards 1/27."],
        "parts": {
            "4.3a": {"kind": "number", "asks": "the k with the lowest loss for 'andrejq'", "factor": 1.5,
                     "right": "Right ({tolerance}): a few hundred fake counts per cell suit this one name.",
                     "wrong": "Not quite ({tolerance}): compute the loss of 'andrejq' for k from 0.001 to 1,000 "
                              "and take the k where it is lowest.",
                     "mistakes": {
                         "unsmoothed": "With k = 0 the unseen 'jq' has probability 0 and the loss is infinite: "
                                       "that is the worst k, not the best.",
                         "lecture": "k = 1 is the lecture's choice for all names; this one name wants far more.",
                     }},
            "4.3b": {"kind": "number", "asks": "the loss of 'andrejq' at that k", "decimals": 3,
                     "right": "Right ({tolerance}): the lowest loss this one name can get from smoothing.",
                     "wrong": "Not quite ({tolerance}): the lowest of the losses name_nll('andrejq', "
                              "bigram_probs(N, k)) over the k's.",
                     "mistakes": {"lecture": "That is the loss at k = 1; the best k for this name is far "
                                             "larger."}},
        },
    },
    "5.1": {
        "title": "The learning rate",
        "hints": ["`train_counts(counts, steps=100, lr=lr, l2=0.01)` returns the losses before each step.",
                  "Too small a rate crawls; too large a one overshoots: compare the last losses."],
        "parts": {
            "5.1a": {"kind": "number", "asks": "the loss after 100 steps at lr = 50", "decimals": 3,
                     "right": "Right ({tolerance}): close to the counting model's loss, not there yet.",
                     "wrong": "Not quite ({tolerance}): train_counts(counts, steps=100, lr=50, l2=0.01), "
                              "then its last loss.",
                     "mistakes": {
                         "no_l2": "That is without the L2 term: the lecture (and train_counts) adds "
                                  "0.01 * (W**2).mean().",
                         "first": "That is the loss before the first step; take the last one.",
                     }},
            "5.1b": {"kind": "number", "asks": "which of the rates 1, 10, 50, 100, 1000 ends lowest",
                     "decimals": None,
                     "right": "Right ({tolerance}): the lecture's unusually large rate is the best of these.",
                     "wrong": "Not that one ({tolerance}): train 100 steps at each rate and compare the last "
                              "losses.",
                     "mistakes": {
                         "overshoot": "Close: lr = 100 ends slightly worse ({loss_lr100}): its steps overshoot "
                                      "and the loss zig-zags.",
                         "diverges": "lr = 1000 wrecks the training: its loss ends at {loss_lr1000}.",
                         "too_small": "That rate is too small: after 100 steps the loss is still far from the "
                                      "bottom.",
                     }},
        },
    },
    "5.2": {
        "title": "Index instead of multiplying",
        "hints": ["A one-hot row times W picks one row of W: the logits of example i are the row xs[i] of W.",
                  "`W[xs]` indexes rows; keep W a tensor so that the gradient reaches it."],
        "parts": {
            "5.2a": {"kind": "function", "asks": "a function logits(W, xs) giving the same logits as "
                                                 "F.one_hot(xs, num_classes=27).float() @ W",
                     "right": "Right: the same logits and the same gradient of W on {inputs}.",
                     "wrong": "Not quite: logits(W, {input}) differs from one-hot @ W.",
                     "mistakes": {
                         "columns": "Your function picks columns of W: index its rows, W[xs].",
                         "num_classes": "F.one_hot(xs) without num_classes=27 is only as wide as the largest "
                                        "index in xs + 1, so it fails on {input}; index instead: W[xs].",
                         "probabilities": "That returns probabilities; this function gives the logits, W[xs].",
                         "no_grad": "The values are right, but the gradient does not reach W: index the tensor "
                                    "W itself, not W.data, numpy or a copy.",
                         "raised": "On {input}, your function raised {error}.",
                     }},
            "5.2b": {"kind": "number", "asks": "how many multiply-adds one-hot @ W makes over all examples",
                     "decimals": None,
                     "right": "Right ({tolerance}): 27 for each of the numbers it outputs, and indexing only "
                              "copies them.",
                     "wrong": "Not quite ({tolerance}): the product has one output per example and column, and "
                              "each output is a sum of 27 products.",
                     "mistakes": {
                         "copies": "That is how many numbers W[xs] copies: the product makes 27 multiply-adds "
                                   "for each of them.",
                         "one_example": "That is for one example; the question asks for all of them.",
                     }},
        },
    },
    "5.3": {
        "title": "F.cross_entropy",
        "hints": ["Softmax does not change when the same number is subtracted from every logit of a row.",
                  "Subtract each row's largest logit (`logits.max(1, keepdim=True).values`), then compute the "
                  "log-softmax directly: `shifted - shifted.exp().sum(1, keepdim=True).log()`."],
        "parts": {
            "5.3a": {"kind": "function", "asks": "a function nll(logits, ys) that gives F.cross_entropy's loss, "
                                                 "stable for very large and very small logits",
                     "right": "Right: your loss matches F.cross_entropy on {inputs}, the extreme logits included.",
                     "wrong": "Not quite: on {input} your loss is {got}, F.cross_entropy gives {want}.",
                     "mistakes": {
                         "unstable": "Your loss is {got} for {input}: e^z overflows (or underflows) in "
                                     "float32. Subtract each row's largest logit first.",
                         "keepdim": "The keepdim broadcasting bug: logits.max(1).values (or .sum(1)) has shape "
                                    "(n,), which broadcasts along the columns, not the rows; use keepdim=True.",
                         "sum_not_mean": "That is the sum instead of the mean: divide by the number of examples "
                                         "(.mean()).",
                         "sign": "The sign is flipped: the loss is the negative log-likelihood.",
                         "raised": "On {input}, your function raised {error}.",
                     }},
            "5.3b": {"kind": "number", "asks": "the largest z for which exp(z) is finite in float32",
                     "decimals": 2,
                     "right": "Right ({tolerance}): above it, e^z is inf in float32.",
                     "wrong": "Not quite ({tolerance}): the log of float32's largest number, "
                              "torch.finfo(torch.float32).max.",
                     "mistakes": {
                         "float64": "That is float64's limit; the lecture's tensors are float32.",
                         "underflow": "That is where e^z underflows to 0; the question asks where it overflows.",
                     }},
        },
    },
    "6.1": {
        "title": "A trigram model",
        "hints": ["Count the trigrams into a 729 x 27 table (exercise 2.3), normalise its rows with "
                  "`bigram_probs` and score it with `counts_nll`: both work on any table with one row per "
                  "context.",
                  "Compare unsmoothed models (k = 0) on the whole dataset, as chapter 3 scored the bigram model."],
        "parts": {
            "6.1a": {"kind": "number", "asks": "the trigram model's loss (counting, k = 0) on the whole dataset",
                     "decimals": 3,
                     "right": "Right ({tolerance}): one more character of memory lowers the loss well below the "
                              "bigram's.",
                     "wrong": "Not quite ({tolerance}): count the trigrams of every name, normalise the rows "
                              "(k = 0) and average the negative log-likelihood of every trigram.",
                     "mistakes": {
                         "bigram": "That is the bigram model's loss.",
                         "unique_names": "That averages over the {n_unique} different names: use every name of "
                                         "the list, repeats included.",
                         "end_token": "The end token is missing: every name's last trigram ends in '.'.",
                         "smoothed": "That is with one fake count per cell; compare the unsmoothed models "
                                     "(k = 0), as the bigram's loss was.",
                         "sum_not_mean": "That is the sum instead of the mean: divide by the number of "
                                         "trigrams.",
                     }},
            "6.1b": {"kind": "number", "asks": "how many different trigrams occur", "decimals": None,
                     "right": "Right ({tolerance}): {trigram_fill}% of the 19,683 possible.",
                     "wrong": "Not quite ({tolerance}): count the cells of the trigram table above 0.",
                     "mistakes": {
                         "end_token": "That leaves out the trigrams ending in '.'.",
                         "possible": "That is every possible trigram; how many occur?",
                     }},
        },
    },
    "6.2": {
        "title": "Train, dev, test",
        "hints": ["`split_names(names, (0.8, 0.1, 0.1), seed=42)` gives the three parts; count only the "
                  "training names.",
                  "With k = 0 a trigram of the dev names never seen in training has probability 0: use k = 1."],
        "parts": {
            "6.2a": {"kind": "number", "asks": "the bigram model's dev loss (fit on the training names, k = 1)",
                     "decimals": 3,
                     "right": "Right ({tolerance}): almost the same as on the training names: the bigram model "
                              "generalises.",
                     "wrong": "Not quite ({tolerance}): fit on split_names(names, (0.8, 0.1, 0.1), seed=42)[0] "
                              "with k = 1, then score the dev names.",
                     "mistakes": {
                         "all_names": "That model was fit on all names, dev included: fit on the training "
                                      "names only.",
                         "train": "That is the loss on the training names; this part asks for the dev names.",
                         "unsmoothed": "An infinite loss: that is " + UNSMOOTHED + " Use k = 1.",
                     }},
            "6.2b": {"kind": "number", "asks": "the trigram model's dev loss (fit on the training names, k = 1)",
                     "decimals": 3,
                     "right": "Right ({tolerance}): clearly above its training loss: the trigram model has "
                              "started to overfit.",
                     "wrong": "Not quite ({tolerance}): fit the trigram counts of the training names with k = 1, "
                              "then score the trigrams of the dev names.",
                     "mistakes": {
                         "all_names": "That model was fit on all names, dev included: fit on the training "
                                      "names only.",
                         "train": "That is the loss on the training names; this part asks for the dev names.",
                         "test": "That is the loss on the test names; this part asks for the dev names.",
                         "unsmoothed": "An infinite loss: that is " + UNSMOOTHED + " Use k = 1.",
                     }},
            "6.2c": {"kind": "number", "asks": "how many different trigrams of the dev names never occur in the "
                                               "training names", "decimals": None,
                     "right": "Right ({tolerance}): each of them would have probability 0 without smoothing.",
                     "wrong": "Not quite ({tolerance}): count the cells above 0 in the dev table that are 0 in "
                              "the training table.",
                     "mistakes": {"occurrences": "That counts every occurrence; count each different trigram "
                                                 "once (cells, not counts)."}},
        },
    },
    "6.3": {
        "title": "Tune the smoothing on dev",
        "hints": ["For each k of `np.logspace(-3, 2, 41)`, fit `bigram_probs(N3_train, k)` and score the dev "
                  "counts; keep the k with the lowest dev loss.",
                  "Look at the test names only once, with the k you chose."],
        "parts": {
            "6.3a": {"kind": "number", "asks": "the k with the lowest dev loss", "factor": 2,
                     "right": "Right ({tolerance}): the trigram model wants far less smoothing than one count "
                              "per cell.",
                     "wrong": "Not quite ({tolerance}): choose the k with the lowest loss on the dev names.",
                     "mistakes": {
                         "training": "That is where the training loss is lowest: it only falls as k falls. "
                                     "Choose k on the dev names.",
                         "lecture": "k = 1 is the lecture's choice; the dev names want less.",
                     }},
            "6.3b": {"kind": "number", "asks": "the test loss of the model you chose", "decimals": 3,
                     "right": "Right ({tolerance}): close to its dev loss: choosing one number on dev has not "
                              "overfit it.",
                     "wrong": "Not quite ({tolerance}): fit bigram_probs(N3_train, best_k) and score the test "
                              "names' trigrams.",
                     "mistakes": {
                         "lecture": "That is the test loss at k = 1; use the k chosen on dev.",
                         "dev": "That is the dev loss at the best k; now score the test names.",
                     }},
        },
    },
}

PARTS: dict[str, dict] = {pid: part for ex in EXERCISES.values() for pid, part in ex["parts"].items()}
"""Every part of every exercise by its id ("2.1a"; a one-part exercise's part has the exercise's own id)."""


# --- the dataset's side: references, computed by makemore_lib on the names at call time -------------------------

def _trigram_table(names: list[str], end: bool = True, two_starts: bool = True,
                   swapped: bool = False) -> torch.Tensor:
    """The trigram counts (729, 27), from the bigram pairs: the context of a bigram (x, y) is (the character
    before x, x), '..' at the start of a name. The flags build the classic mistakes."""
    xs, ys = bigram_pairs(names)
    before = torch.cat([xs.new_zeros(1), xs[:-1]])
    before[xs == 0] = 0
    keep = torch.ones_like(xs, dtype=torch.bool)
    if not end:
        keep &= ys != 0
    if not two_starts:
        keep &= xs != 0
    rows = xs * vocab_size + before if swapped else before * vocab_size + xs
    flat = torch.bincount((rows * vocab_size + ys)[keep], minlength=vocab_size ** 3)
    return flat.view(vocab_size ** 2, vocab_size).to(torch.int32)


def _reference_trigrams(name: str) -> list[str]:
    chs = ".." + name + "."
    return [chs[i:i + 3] for i in range(len(chs) - 2)]


def _trigram_name(cell: int) -> str:
    row, col = divmod(cell, vocab_size)
    return itos[row // vocab_size] + itos[row % vocab_size] + itos[col]


def _top_trigrams(table: torch.Tensor, n: int = 5) -> list[str]:
    _, order = torch.sort(table.flatten(), descending=True, stable=True)
    return [_trigram_name(int(i)) for i in order[:n]]


class _Data:
    """The dataset's figures, each computed once, when first asked for."""

    def __init__(self, names: list[str]):
        self.names = names
        self._memo: dict[tuple, object] = {}

    def memo(self, key: tuple, compute: Callable[[], object]) -> object:
        """``compute()``, computed once for each ``key``."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def known(self):
        return set(self.names)

    @cached_property
    def unique(self):
        return sorted(self.known)

    @cached_property
    def N(self):
        return count_bigrams(self.names)

    @cached_property
    def NU(self):
        return count_bigrams(self.unique)           # each different name once: a classic mistake

    @cached_property
    def P(self):
        return bigram_probs(self.N)

    @cached_property
    def P_keepdim(self):
        return self.N / self.N.sum(1)               # the keepdim bug itself

    @cached_property
    def P1(self):
        return bigram_probs(self.N, 1.0)

    @cached_property
    def P1_keepdim(self):
        return (self.N + 1) / (self.N + 1).sum(1)   # the bug, with k = 1

    @cached_property
    def loss(self):
        return counts_nll(self.N, self.P)

    @cached_property
    def T(self):
        return _trigram_table(self.names)

    @cached_property
    def T_noend(self):
        return _trigram_table(self.names, end=False)

    @cached_property
    def TU(self):
        return _trigram_table(self.unique)          # each different name once

    @cached_property
    def split(self):
        return split_names(self.names, (0.8, 0.1, 0.1), seed=42)

    @cached_property
    def T_train(self):
        return _trigram_table(self.split[0])

    @cached_property
    def T_dev(self):
        return _trigram_table(self.split[1])

    @cached_property
    def T_test(self):
        return _trigram_table(self.split[2])

    @cached_property
    def samples(self):
        def draw(probs):
            return sample_names(probs, 1000, torch.Generator().manual_seed(SEED))
        return draw(self.P), draw(uniform_probs())

    @cached_property
    def per_name(self):
        """Each different name's average NLL per bigram, and its total, as the solution of 3.3 computes them."""
        xs, ys = bigram_pairs(self.unique)
        nll = -self.P.log()[xs, ys].double().numpy()
        sizes = np.array([len(w) + 1 for w in self.unique])
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        totals = np.add.reduceat(nll, starts)
        return totals / sizes, totals

    @cached_property
    def andrejq(self):
        ks = np.logspace(-3, 3, 25)
        return ks, [name_nll("andrejq", bigram_probs(self.N, float(k))) for k in ks]

    @cached_property
    def lr_losses(self):
        return {lr: train_counts(self.N, steps=100, lr=lr, l2=0.01).losses for lr in (1, 10, 50, 100, 1000)}

    @cached_property
    def dev_curve(self):
        ks = np.logspace(-3, 2, 41)
        return ks, [counts_nll(self.T_dev, bigram_probs(self.T_train, float(k))) for k in ks], \
            [counts_nll(self.T_train, bigram_probs(self.T_train, float(k))) for k in ks]


@lru_cache(maxsize=4)
def _data(names: tuple[str, ...]) -> _Data:
    return _Data(list(names))


def _after_q(N: torch.Tensor) -> dict[str, int]:
    q = stoi["q"]
    return {itos[j]: int(N[q, j]) for j in range(vocab_size) if N[q, j] > 0}


def _unigram_loss(N: torch.Tensor, end: bool = True) -> float:
    counts = N.sum(0, keepdim=True)
    if end:
        return counts_nll(counts, bigram_probs(counts))
    letters = counts[0, 1:].double()          # the end token left out: 26 letters, scored on letters only
    return float(-(letters * (letters / letters.sum()).log()).sum() / letters.sum())


def _split_loss(d: _Data, n: int, part: int, fit_all: bool = False, k: float = 1.0) -> float:
    def loss() -> float:
        table = count_bigrams if n == 2 else _trigram_table
        probs = bigram_probs(table(d.names if fit_all else d.split[0]), k)
        return counts_nll(table(d.split[part]), probs)
    return d.memo(("split loss", n, part, fit_all, k), loss)


def _best_lr(d: _Data) -> int:
    return min(d.lr_losses, key=lambda lr: d.lr_losses[lr][-1])


# Each number, word or list part: its reference, and the answers of the mistakes it recognises (a value, or
# ("above", x) for answers beyond x, such as a sum instead of a mean or an infinite loss, or ("any", [values])).
REFERENCES: dict[str, Callable[[_Data], object]] = {
    "1.1b": lambda d: 100 * d.N[stoi["q"], stoi["u"]].item() / d.N[stoi["q"]].sum().item(),
    "1.2a": lambda d: int((d.N > 0).sum()),
    "1.2b": lambda d: itos[0] + itos[0],
    "1.3b": lambda d: int(d.T.sum()),
    "2.1a": lambda d: itos[int(d.P[0].argmax())],
    "2.1b": lambda d: float(d.P[0].max()),
    "2.1c": lambda d: itos[int(d.P[stoi["a"]].argmax())],
    "2.1d": lambda d: float(d.P[stoi["n"], 0]),
    "2.2a": lambda d: 100 * sum(w in d.known for w in d.samples[0]) / len(d.samples[0]),
    "2.2b": lambda d: 100 * sum(w in d.known for w in d.samples[1]) / len(d.samples[1]),
    "2.3b": lambda d: _top_trigrams(d.T),
    "2.3c": lambda d: int((d.T > 0).sum()),
    "3.1a": lambda d: math.exp(d.loss),
    "3.1b": lambda d: math.exp(counts_nll(d.N, uniform_probs())),
    "3.1c": lambda d: math.exp(-d.loss),
    "3.2": lambda d: _unigram_loss(d.N),
    "3.3a": lambda d: sum(1 for c in Counter(d.names).values() if c > 1),
    "3.3b": lambda d: d.unique[int(np.argmin(d.per_name[0]))],
    "3.3c": lambda d: d.unique[int(np.argmax(d.per_name[0]))],
    "4.1a": lambda d: float(d.P1[stoi["j"], stoi["q"]]),
    "4.2a": lambda d: itos[int((d.P1 * (d.N == 0)).sum(1).argmax())],
    "4.2b": lambda d: 100 * float((d.P1 * (d.N == 0)).sum(1).max()),
    "4.3a": lambda d: float(d.andrejq[0][int(np.argmin(d.andrejq[1]))]),
    "4.3b": lambda d: float(min(d.andrejq[1])),
    "5.1a": lambda d: d.lr_losses[50][-1],
    "5.1b": _best_lr,
    "5.2b": lambda d: int(d.N.sum()) * vocab_size * vocab_size,
    "5.3b": lambda d: math.log(torch.finfo(torch.float32).max),
    "6.1a": lambda d: counts_nll(d.T, bigram_probs(d.T)),
    "6.1b": lambda d: int((d.T > 0).sum()),
    "6.2a": lambda d: _split_loss(d, 2, 1),
    "6.2b": lambda d: _split_loss(d, 3, 1),
    "6.2c": lambda d: int(((d.T_dev > 0) & (d.T_train == 0)).sum()),
    "6.3a": lambda d: float(d.dev_curve[0][int(np.argmin(d.dev_curve[1]))]),
    "6.3b": lambda d: counts_nll(d.T_test, bigram_probs(d.T_train, REFERENCES["6.3a"](d))),
}

MISTAKES: dict[str, dict[str, Callable[[_Data], object]]] = {
    "1.1b": {"end_token": lambda d: 100 * d.N[stoi["q"], stoi["u"]].item() / d.N[stoi["q"], 1:].sum().item()},
    "1.2a": {"end_token": lambda d: int((d.N[:, 1:] > 0).sum()),
             "start_end": lambda d: int((d.N[1:, 1:] > 0).sum()),
             "with_repeats": lambda d: int(d.N.sum()),
             "possible": lambda d: d.N.numel()},
    "1.2b": {"rare": lambda d: ("any", [itos[i] + itos[j] for i, j in (d.N == 0).nonzero().tolist() if i or j])},
    "1.3b": {"end_token": lambda d: int(d.T.sum()) - len(d.names),
             "unique_names": lambda d: int(d.TU.sum())},
    "2.1a": {"keepdim": lambda d: itos[int(d.P_keepdim[0].argmax())]},
    "2.1b": {"keepdim": lambda d: ("any", [float(d.P_keepdim[0].max()),                 # at its own argmax
                                           float(d.P_keepdim[0, int(d.P[0].argmax())])]),  # at the right letter
             "count": lambda d: int(d.N[0].max())},
    "2.1c": {"likeliest_letter": lambda d: itos[int(d.P[stoi["a"], 1:].argmax()) + 1],
             "keepdim": lambda d: itos[int(d.P_keepdim[stoi["a"]].argmax())]},
    "2.1d": {"keepdim": lambda d: float(d.P_keepdim[stoi["n"], 0]),
             "transposed": lambda d: float(d.P[0, stoi["n"]]),
             "count": lambda d: int(d.N[stoi["n"], 0])},
    "2.2a": {"unique_samples": lambda d: 100 * len(set(d.samples[0]) & d.known) / len(set(d.samples[0])),
             "uniform": REFERENCES["2.2b"]},
    "2.2b": {"bigram": REFERENCES["2.2a"]},
    "2.3b": {},
    "2.3c": {"end_token": lambda d: int((d.T_noend > 0).sum()),
             "possible": lambda d: d.T.numel()},
    "3.1a": {"loss": lambda d: d.loss, "typical": lambda d: math.exp(-d.loss), "base_2": lambda d: 2 ** d.loss,
             "sum_not_mean": lambda d: ("above", 1e6)},
    "3.1b": {"loss": lambda d: math.log(vocab_size), "typical": lambda d: 1 / vocab_size},
    "3.1c": {"perplexity": lambda d: math.exp(d.loss)},
    "3.2": {"unique_names": lambda d: _unigram_loss(d.NU), "end_token": lambda d: _unigram_loss(d.N, end=False),
            "uniform": lambda d: math.log(vocab_size), "bigram": lambda d: d.loss,
            "sum_not_mean": lambda d: ("above", 1000.0)},
    "3.3a": {"copies": lambda d: 2 * sum(1 for c in Counter(d.names).values() if c > 1),
             "different": lambda d: len(d.unique)},
    "3.3b": {"sum_not_mean": lambda d: d.unique[int(np.argmin(d.per_name[1]))], "reversed": REFERENCES["3.3c"]},
    "3.3c": {"sum_not_mean": lambda d: d.unique[int(np.argmax(d.per_name[1]))], "reversed": REFERENCES["3.3b"]},
    "4.1a": {"unsmoothed": lambda d: float(d.P[stoi["j"], stoi["q"]]),
             "rows_not_1": lambda d: 1 / (int(d.N[stoi["j"]].sum()) + 1),
             "keepdim": lambda d: float(d.P1_keepdim[stoi["j"], stoi["q"]])},
    "4.2a": {"unsmoothed": lambda d: itos[int((d.P * (d.N == 0)).sum(1).argmax())]},
    "4.2b": {"unsmoothed": lambda d: 100 * float((d.P * (d.N == 0)).sum(1).max()),
             "keepdim": lambda d: 100 * float((d.P1_keepdim * (d.N == 0)).sum(1)[stoi[REFERENCES["4.2a"](d)]])},
    "4.3a": {"unsmoothed": lambda d: 0.0, "lecture": lambda d: 1.0},
    "4.3b": {"lecture": lambda d: name_nll("andrejq", d.P1)},
    "5.1a": {"no_l2": lambda d: d.memo(("no l2",), lambda: train_counts(d.N, steps=100, lr=50, l2=0.0).losses[-1]),
             "first": lambda d: d.lr_losses[50][0]},
    "5.1b": {"overshoot": lambda d: 100, "diverges": lambda d: 1000, "too_small": lambda d: ("any", [1, 10])},
    "5.2b": {"copies": lambda d: int(d.N.sum()) * vocab_size, "one_example": lambda d: vocab_size * vocab_size},
    "5.3b": {"float64": lambda d: math.log(torch.finfo(torch.float64).max),
             "underflow": lambda d: math.log(torch.tensor(1, dtype=torch.int32).view(torch.float32).item())},
    "6.1a": {"bigram": lambda d: d.loss,
             "unique_names": lambda d: counts_nll(d.TU, bigram_probs(d.TU)),
             "end_token": lambda d: counts_nll(d.T_noend, bigram_probs(d.T_noend)),
             "smoothed": lambda d: counts_nll(d.T, bigram_probs(d.T, 1.0)),
             "sum_not_mean": lambda d: ("above", 1000.0)},
    "6.1b": {"end_token": lambda d: int((d.T_noend > 0).sum()),
             "possible": lambda d: d.T.numel()},
    "6.2a": {"all_names": lambda d: _split_loss(d, 2, 1, fit_all=True), "train": lambda d: _split_loss(d, 2, 0),
             "unsmoothed": lambda d: ("above", 1e6)},
    "6.2b": {"all_names": lambda d: _split_loss(d, 3, 1, fit_all=True), "train": lambda d: _split_loss(d, 3, 0),
             "test": lambda d: _split_loss(d, 3, 2), "unsmoothed": lambda d: ("above", 1e6)},
    "6.2c": {"occurrences": lambda d: int(d.T_dev[(d.T_dev > 0) & (d.T_train == 0)].sum())},
    "6.3a": {"training": lambda d: float(d.dev_curve[0][int(np.argmin(d.dev_curve[2]))]),
             "lecture": lambda d: 1.0},
    "6.3b": {"lecture": lambda d: counts_nll(d.T_test, bigram_probs(d.T_train, 1.0)),
             "dev": lambda d: float(min(d.dev_curve[1]))},
}

# Figures of the dataset that messages quote ({name} in a message).
FACTS: dict[str, Callable[[_Data], str]] = {
    "q_total": lambda d: f"{int(d.N[stoi['q']].sum()):,}",
    "q_u": lambda d: f"{int(d.N[stoi['q'], stoi['u']]):,}",
    "q_end": lambda d: f"{int(d.N[stoi['q'], 0]):,}",
    "n_names": lambda d: f"{len(d.names):,}",
    "n_unique": lambda d: f"{len(d.unique):,}",
    "n_twice": lambda d: f"{sum(1 for c in Counter(d.names).values() if c > 1):,}",
    "n_missing": lambda d: f"{int((d.N == 0).sum()):,}",
    "n_trigrams": lambda d: f"{int(d.T.sum()):,}",
    "first": lambda d: itos[int(d.P[0].argmax())],
    "bigram_real": lambda d: f"{REFERENCES['2.2a'](d):.1f}",
    "trigram_fill": lambda d: f"{100 * float((d.T > 0).sum()) / d.T.numel():.0f}",
    "perplexity_int": lambda d: f"{math.exp(d.loss):.0f}",
    "loss_uniform": lambda d: f"{counts_nll(d.N, uniform_probs()):.4f}",
    "loss_bigram": lambda d: f"{d.loss:.4f}",
    "max_times": lambda d: f"{max(Counter(d.names).values())}",
    "loss_lr100": lambda d: f"{d.lr_losses[100][-1]:.4f}",
    "loss_lr1000": lambda d: f"{d.lr_losses[1000][-1]:.4f}",
}


# --- the reader's side --------------------------------------------------------------------------------------------

class Result:
    """What ``check`` says: truthy when the answer is right; its text (``str``, and ``repr`` in a notebook) is
    the message. ``mistake`` names the classic mistake recognised, if any.

    >>> r = Result("1.2a", False, "Not that one.", "possible")
    >>> bool(r), r, r.mistake
    (False, Not that one., 'possible')
    """

    def __init__(self, part: str, right: bool, message: str, mistake: str | None = None):
        self.part, self.right, self.message, self.mistake = part, right, message, mistake

    def __bool__(self) -> bool:
        return self.right

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__


class Hint(str):
    """A hint: a string that shows as plain text in a notebook.

    >>> Hint("Look at row 0.")
    Look at row 0.
    """

    def __repr__(self) -> str:
        return str(self)


def _shorten(value: object, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def _fill(template: str, data: _Data | None, values: Mapping[str, object]) -> str:
    """Replace each {name} by values[name] or the dataset figure FACTS[name]; unknown names stay."""
    def one(match: re.Match) -> str:
        key = match.group(1)
        if key in values:
            return str(values[key])
        if key in FACTS and data is not None:
            return FACTS[key](data)
        return match.group(0)
    return re.sub(r"\{(\w+)\}", one, template)


def _tolerance_text(part: dict) -> str:
    if "factor" in part:
        return f"within a factor of {part['factor']:g}"
    decimals = part.get("decimals")
    if decimals is None:
        return "exactly"
    unit = part.get("unit") == "percent"
    if decimals == 0:
        return "to the nearest percent" if unit else "to the nearest whole number"
    return f"to {decimals} decimal{'s' if decimals > 1 else ''}" + (", in percent" if unit else "")


def _tolerance(part: dict) -> float:
    if "factor" in part:
        return float(part["factor"])
    decimals = part.get("decimals")
    return 0.0 if decimals is None else 0.5 * 10.0 ** -decimals


def _close(part: dict, answer: float, value: float) -> bool:
    """Whether a number ``answer`` matches ``value`` within the part's tolerance (a percent may be a fraction)."""
    if "factor" in part:
        if value <= 0 or answer <= 0:
            return answer == value
        return max(answer / value, value / answer) <= part["factor"]
    candidates = [answer, 100 * answer] if part.get("unit") == "percent" else [answer]
    tol = _tolerance(part) + 1e-9 * max(1.0, abs(value))
    return any(math.isfinite(a) and abs(a - value) <= tol for a in candidates) or (
        math.isinf(answer) and answer == value)


def _matches(part: dict, answer: object, value: object) -> bool:
    if isinstance(value, tuple) and value[0] == "above":
        return isinstance(answer, float) and answer > value[1]
    if isinstance(value, tuple) and value[0] == "any":
        return any(_matches(part, answer, v) for v in value[1])
    if part["kind"] == "number":
        return _close(part, answer, float(value))
    return answer == value


def _word(value: object, pid: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"answer for {pid} must be a string ({PARTS[pid]['asks']}), not {_shorten(value)}")
    return value.strip().strip("'\"").strip().lower()


def _number(value: object, pid: str) -> float:
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value.item())
    if isinstance(value, np.ndarray) and value.size == 1:
        return float(value.item())
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().rstrip("%").replace(",", ""))
        except ValueError:
            pass
    raise TypeError(f"answer for {pid} must be a number ({PARTS[pid]['asks']}), not {_shorten(value)}")


def _normalise(pid: str, answer: object) -> object:
    kind = PARTS[pid]["kind"]
    if kind == "number":
        return _number(answer, pid)
    if kind == "word":
        return _word(answer, pid)
    if kind == "list":
        if isinstance(answer, (str, bytes)) or not isinstance(answer, (list, tuple)):
            raise TypeError(f"answer for {pid} must be a list of strings ({PARTS[pid]['asks']}), "
                            f"not {_shorten(answer)}")
        # the output of top_ngrams (pairs of trigram and count) is fine too
        return [_word(a[0] if isinstance(a, (tuple, list)) and a else a, pid) for a in answer]
    return answer


def _show(part: dict, value: object) -> str:
    if isinstance(value, float) and value.is_integer() and part.get("decimals") is None and "factor" not in part:
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# --- the checkers of functions, tables and counts: (mistake or None, values for the message) ------------------

def _check_counts_11a(answer: object, d: _Data) -> tuple[str | None, dict]:
    if isinstance(answer, Mapping):
        items = list(answer.items())
    elif isinstance(answer, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in answer):
        items = list(answer)
    else:
        raise TypeError(f"answer for 1.1a must be a Counter or dict of next character -> count (or a list of "
                        f"pairs, as most_common() gives), not {_shorten(answer)}")
    got = {str(ch): int(n) for ch, n in items if n}
    want = _after_q(d.N)
    if got == want:
        return None, {}
    if got == {ch: n for ch, n in want.items() if ch != "."}:
        return "end_token", {}
    if got == _after_q(d.NU):
        return "unique_names", {}
    before = {itos[i]: int(d.N[i, stoi["q"]]) for i in range(vocab_size) if d.N[i, stoi["q"]] > 0}
    if got == before:
        return "before_q", {}
    char = next(ch for ch in sorted(set(got) | set(want)) if got.get(ch, 0) != want.get(ch, 0))
    return "", {"char": repr(char), "want": want.get(char, 0), "got": got.get(char, 0)}


def _call(fn: Callable, *args: object) -> tuple[object, str | None]:
    try:
        return fn(*args), None
    except Exception as err:    # the reader's code: any error is an answer to report
        return None, f"{type(err).__name__}: {err}"


def _check_trigrams_13a(fn: object, d: _Data) -> tuple[str | None, dict]:
    if not callable(fn):
        raise TypeError(f"answer for 1.3a must be a function trigrams(name), not {_shorten(fn)}")
    inputs = ["emma", "", "a", "ab", "isabella", "zz"]
    for name in inputs:
        want = _reference_trigrams(name)
        got, error = _call(fn, name)
        values = {"input": repr(name), "got": _shorten(got), "want": want}
        if error:
            return "raised", {**values, "error": error}
        if not isinstance(got, (list, tuple)):
            return "", values
        got = list(got)
        if got == want:
            continue
        if got and not all(isinstance(t, str) for t in got):
            return "not_strings", values
        if got == want[:-1]:
            return "end_token", {**values, "last": repr(want[-1])}
        if got == want[1:]:
            return "one_start", {**values, "first": repr(want[0])}
        return "", values
    return None, {"inputs": ", ".join(map(repr, inputs))}


def _check_table_23a(answer: object, d: _Data) -> tuple[str | None, dict]:
    if isinstance(answer, np.ndarray):
        answer = torch.from_numpy(answer)
    if not isinstance(answer, torch.Tensor):
        raise TypeError(f"answer for 2.3a must be a tensor of trigram counts (729 x 27), not {_shorten(answer)}")
    if tuple(answer.shape) == (vocab_size,) * 3:
        answer = answer.reshape(vocab_size ** 2, vocab_size)
    if tuple(answer.shape) != (vocab_size ** 2, vocab_size):
        return "shape", {"shape": tuple(answer.shape)}
    got = answer.to(torch.int64)
    if torch.equal(got, d.T.to(torch.int64)):
        return None, {}
    variants = {"end_token": dict(end=False), "one_start": dict(two_starts=False), "swapped": dict(swapped=True)}
    for mistake, flags in variants.items():
        if torch.equal(got, _trigram_table(d.names, **flags).to(torch.int64)):
            return mistake, {}
    if torch.equal(got, d.TU.to(torch.int64)):
        return "unique_names", {}
    cell = int((got != d.T).flatten().nonzero()[0])
    row, col = divmod(cell, vocab_size)
    return "", {"trigram": repr(_trigram_name(cell)), "row": row, "col": col, "got": int(got.flatten()[cell]),
                "want": int(d.T.flatten()[cell])}


def _check_p_unseen_41b(fn: object, d: _Data) -> tuple[str | None, dict]:
    if not callable(fn):
        raise TypeError(f"answer for 4.1b must be a function p_unseen(row_total, k), not {_shorten(fn)}")
    row_j = int(d.N[stoi["j"]].sum())
    inputs = [(row_j, 1), (row_j, 10), (0, 1), (100, 0), (7, 0.5)]
    variants = {"rows_not_1": lambda t, k: k / (t + k), "ignores_k": lambda t, k: 1 / (t + 27)}
    outputs = []
    for t, k in inputs:
        got, error = _call(fn, t, k)
        if error:
            return "raised", {"input": f"{t}, {k}", "error": error}
        try:
            outputs.append(float(got))
        except (TypeError, ValueError):
            return "", {"input": f"{t}, {k}", "got": _shorten(got), "want": f"{k / (t + 27 * k):.6g}"}
    for (t, k), got in zip(inputs, outputs):
        if not math.isclose(got, k / (t + 27 * k), rel_tol=1e-6, abs_tol=1e-12):
            for mistake, formula in variants.items():
                if all(math.isclose(o, formula(t2, k2), rel_tol=1e-6) for (t2, k2), o in zip(inputs, outputs)):
                    return mistake, {}
            return "", {"input": f"{t}, {k}", "got": f"{got:.6g}", "want": f"{k / (t + 27 * k):.6g}"}
    return None, {"inputs": "; ".join(f"{t}, {k}" for t, k in inputs)}


def _check_logits_52a(fn: object, d: _Data) -> tuple[str | None, dict]:
    if not callable(fn):
        raise TypeError(f"answer for 5.2a must be a function logits(W, xs), not {_shorten(fn)}")
    W0 = torch.randn((vocab_size, vocab_size), generator=torch.Generator().manual_seed(SEED))
    cases = [torch.tensor([0, 5, 13, 13, 1]), torch.arange(vocab_size), torch.tensor([26])]
    for xs in cases:
        shown = f"xs={xs.tolist()}" if len(xs) < 10 else "xs=torch.arange(27)"
        W = W0.clone().requires_grad_()
        want = F.one_hot(xs, num_classes=vocab_size).float() @ W0
        got, error = _call(fn, W, xs)
        if error:
            if int(xs.max()) < vocab_size - 1 and ("shape" in error or "size" in error):
                return "num_classes", {"input": shown}
            return "raised", {"input": shown, "error": error}
        if not isinstance(got, torch.Tensor):
            return "", {"input": shown}
        if got.shape == want.shape and torch.allclose(got.detach().float(), want, atol=1e-5):
            if not got.requires_grad:
                return "no_grad", {}
            weights = torch.linspace(-1, 1, want.numel()).view_as(want)
            (got * weights).sum().backward()
            if W.grad is None or not torch.allclose(W.grad, F.one_hot(xs, vocab_size).float().T @ weights, atol=1e-5):
                return "no_grad", {}
            continue
        value = got.detach().float()
        if (value.shape == W0[:, xs].shape and torch.allclose(value, W0[:, xs], atol=1e-5)) or (
                value.shape == want.shape and torch.allclose(value, W0.T[xs], atol=1e-5)):
            return "columns", {}
        if value.shape == want.shape and torch.allclose(value, torch.softmax(want, 1), atol=1e-5):
            return "probabilities", {}
        return "", {"input": shown}
    return None, {"inputs": "3 index tensors (one without 26, all 27 indices, one alone)"}


def _check_nll_53a(fn: object, d: _Data) -> tuple[str | None, dict]:
    if not callable(fn):
        raise TypeError(f"answer for 5.3a must be a function nll(logits, ys), not {_shorten(fn)}")
    g = torch.Generator().manual_seed(SEED)
    cases = [(3 * torch.randn((5, vocab_size), generator=g), torch.tensor([0, 5, 13, 13, 1])),
             (torch.tensor([[100.0, 0.0, -5.0]]), torch.tensor([0])),
             (torch.tensor([[-200.0, -300.0, -210.0]]), torch.tensor([0])),
             (torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0], [0.0, -1.0, 2.0]]), torch.tensor([2, 0, 1]))]
    for logits, ys in cases:
        shown = f"logits {logits.tolist()}" if logits.numel() <= 9 else "random logits (5 x 27)"
        want = F.cross_entropy(logits, ys).item()
        got, error = _call(fn, logits.clone(), ys.clone())
        if error:
            if "size of tensor" in error or "must match" in error or "broadcast" in error:
                return "keepdim", {}
            return "raised", {"input": shown, "error": error}
        try:
            got = float(got)
        except (TypeError, ValueError, RuntimeError):
            return "", {"input": shown, "got": _shorten(got), "want": f"{want:.6f}"}
        if math.isclose(got, want, rel_tol=1e-4, abs_tol=1e-5):
            continue
        values = {"input": shown, "got": f"{got:.6g}", "want": f"{want:.6f}"}
        if not math.isfinite(got):
            return "unstable", values
        if math.isclose(got, F.cross_entropy(logits, ys, reduction="sum").item(), rel_tol=1e-4):
            return "sum_not_mean", values
        if math.isclose(got, -want, rel_tol=1e-4):
            return "sign", values
        if logits.shape[0] == logits.shape[1]:     # square: where the broadcast goes unnoticed
            return "keepdim", values
        return "", values
    return None, {"inputs": f"{len(cases)} batches of logits"}


CHECKERS: dict[str, Callable[[object, _Data], tuple[str | None, dict]]] = {
    "1.1a": _check_counts_11a, "1.3a": _check_trigrams_13a, "2.3a": _check_table_23a,
    "4.1b": _check_p_unseen_41b, "5.2a": _check_logits_52a, "5.3a": _check_nll_53a,
}


def _check_part(pid: str, answer: object, d: _Data) -> Result:
    part = PARTS[pid]
    if part["kind"] in CHECKERS_KINDS:
        mistake, values = CHECKERS[pid](answer, d)
    else:
        answer = _normalise(pid, answer)
        expected = REFERENCES[pid](d)
        values = {"answer": _show(part, answer), "tolerance": _tolerance_text(part)}
        if _matches(part, answer, expected):
            mistake = None
        elif part["kind"] == "list" and sorted(answer) == sorted(expected):
            mistake = "order"
        else:
            mistake = next((name for name, value in MISTAKES.get(pid, {}).items()
                            if _matches(part, answer, value(d))), "")
    if mistake is None:
        return Result(pid, True, _fill(part["right"], d, values))
    template = part["mistakes"][mistake] if mistake else part["wrong"]
    return Result(pid, False, _fill(template, d, values), mistake or None)


CHECKERS_KINDS = {"counts", "function", "table"}


def _kinds_of(answer: object) -> set[str]:
    """The kinds of part an answer of this type can be meant for."""
    if callable(answer):
        return {"function"}
    if isinstance(answer, Mapping):
        return {"counts"}
    if isinstance(answer, (torch.Tensor, np.ndarray)):
        size = answer.size if isinstance(answer, np.ndarray) else answer.numel()
        return {"number"} if size == 1 else {"table"}
    if isinstance(answer, str):
        return {"word"}
    if isinstance(answer, (int, float, np.integer, np.floating)) and not isinstance(answer, bool):
        return {"number"}
    if isinstance(answer, list):
        return {"list", "counts"}
    return set()


def _check_id(exercise: object) -> str:
    if not isinstance(exercise, str):
        raise TypeError(f"exercise must be a string such as '2.1' or '2.1a', not {_shorten(exercise)}")
    key = exercise.strip().lower()
    if key not in EXERCISES and key not in PARTS:
        allowed = ", ".join(f"'{e}'" for e in EXERCISES)
        raise ValueError(f"exercise must be one of {allowed} (or a part such as '2.1a'), not {_shorten(exercise)}")
    return key


def _check_names(names: object) -> tuple[str, ...]:
    if names is None:
        return tuple(load_names())
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not all(isinstance(w, str) for w in names):
        raise TypeError(f"names must be a list of names (strings), or None for the dataset, not {_shorten(names)}")
    return tuple(names)


def check(exercise: str, answer: object, names: list[str] | None = None) -> Result:
    """Check an answer to an exercise (or one part of it), in a sentence or two: right, or what is wrong.

    ``exercise`` is a part ("2.1a"; a one-part exercise such as "3.2" is its own part) or an exercise: "2.1"
    with a tuple of one answer per part, in order, or with one answer that only one part can take
    (``check("1.3", trigrams)``: the part that asks for a function). Numbers are checked to the decimals the
    message states; words and lists ignore case and surrounding spaces; functions are tried on several inputs,
    edge cases included. The references are computed by makemore_lib from ``names`` (default: the dataset).
    The result is truthy when right, and shows as its message.

    >>> names = ["emma", "ava", "anna"]
    >>> check("1.2a", 11, names=names)
    Right (exactly): the other 718 are missing, most of them just rare.
    >>> check("1.2a", 10, names=names)    # the bigrams 'a.' forgotten
    The end bigrams ('a.', 'n.'...) are missing: add '.' at the end of each name too.
    >>> check("1.3", lambda name: [".." + name[:1]], names=names)
    Not quite: trigrams('emma') gave ['..e'], the reference gives ['..e', '.em', 'emm', 'mma', 'ma.'].
    >>> bool(check("1.2", (11, " .. "), names=names))
    True
    >>> check("9.1", 1)
    Traceback (most recent call last):
    ...
    ValueError: exercise must be one of '1.1', '1.2', ..., '6.3' (or a part such as '2.1a'), not '9.1'
    """
    key = _check_id(exercise)
    d = _data(_check_names(names))
    if key in PARTS:
        return _check_part(key, answer, d)
    pids = list(EXERCISES[key]["parts"])
    if not (isinstance(answer, tuple) and len(answer) == len(pids)):
        fitting = [pid for pid in pids if PARTS[pid]["kind"] in _kinds_of(answer)]
        if len(fitting) == 1:            # check("1.3", trigrams): the one part that takes a function
            return _check_part(fitting[0], answer, d)
        if not (isinstance(answer, list) and len(answer) == len(pids)):
            asks = "; ".join(f"{pid}: {PARTS[pid]['asks']}" for pid in pids)
            raise TypeError(f"answer for exercise {key} must be a tuple of {len(pids)} answers ({asks}), not "
                            f"{_shorten(answer)}; or check one part, e.g. check('{pids[0]}', ...)")
    results = [_check_part(pid, a, d) for pid, a in zip(pids, answer)]
    wrong = [r for r in results if not r]
    if not wrong:
        return Result(key, True, f"Right, all {len(results)} answers of exercise {key} ({', '.join(pids)}).")
    first = wrong[0]
    return Result(key, False, f"{len(results) - len(wrong)} of {len(results)} right. {first.part}: {first.message}",
                  first.mistake)


def hint(exercise: str, n: int = 1) -> Hint:
    """Hint ``n`` (1 or 2) for an exercise or one of its parts; needs no dataset.

    >>> hint("2.1")
    Hint 1 of 2 (exercise 2.1): Row i of P is the distribution of what follows character i; row 0 ...
    >>> hint("2.1c", 3)
    Traceback (most recent call last):
    ...
    ValueError: n must be 1 or 2 (exercise 2.1 has 2 hints), not 3
    """
    key = _check_id(exercise)
    ex_id = key if key in EXERCISES else next(e for e, ex in EXERCISES.items() if key in ex["parts"])
    hints = EXERCISES[ex_id]["hints"]
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= len(hints):
        allowed = " or ".join(str(i) for i in range(1, len(hints) + 1))
        raise ValueError(f"n must be {allowed} (exercise {ex_id} has {len(hints)} hints), not {_shorten(n)}")
    return Hint(f"Hint {n} of {len(hints)} (exercise {ex_id}): {hints[n - 1]}")


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return {value[0]: value[1]}     # {"above": x} or {"any": [values]}
    return {"value": value}


def export_checks(names: list[str] | None = None, parts: list[str] | None = None) -> dict[str, dict]:
    """The number, word and list parts as JSON-able data for the page: {part: {kind, expected, tolerance, ...}}.

    Expected answers and mistaken ones are computed from ``names`` (default: the dataset) at call time.
    ``tolerance`` is absolute, or a factor where ``scale`` is "log"; a "percent" part also takes a fraction.
    Messages are filled in, but for ``{answer}``, which the page replaces with the reader's answer.
    ``parts`` limits the export to those parts (default: all of them).

    >>> out = export_checks(["emma", "ava", "anna"], parts=["1.2a"])
    >>> out["1.2a"]["expected"], out["1.2a"]["tolerance"], out["1.2a"]["messages"]["mistakes"][0]["value"]
    (11, 0.0, 10)
    """
    d = _data(_check_names(names))
    wanted = [pid for pid, part in PARTS.items() if part["kind"] in ("number", "word", "list")]
    if parts is not None:
        for pid in parts:
            if pid not in wanted:
                raise ValueError(f"parts must list number, word or list parts ({', '.join(wanted)}), "
                                 f"not {_shorten(pid)}")
        wanted = [pid for pid in wanted if pid in parts]
    out = {}
    for pid in wanted:
        part = PARTS[pid]
        values = {"tolerance": _tolerance_text(part)}
        mistakes = []
        for name, value in MISTAKES.get(pid, {}).items():
            mistakes.append({"name": name, **_json_value(value(d)),
                             "message": _fill(part["mistakes"][name], d, values)})
        if "order" in part["mistakes"]:
            mistakes.append({"name": "order", "same_items": True, "message": part["mistakes"]["order"]})
        out[pid] = {
            "exercise": pid if pid in EXERCISES else pid[:-1],
            "kind": part["kind"], "asks": part["asks"], "expected": REFERENCES[pid](d),
            "tolerance": _tolerance(part), "scale": "log" if "factor" in part else "linear",
            "unit": part.get("unit"),
            "messages": {"right": _fill(part["right"], d, values), "wrong": _fill(part["wrong"], d, values),
                         "mistakes": mistakes},
        }
    return out
