// node --test for js/src/maths.js, on cases generated from makemore_lib (tests/js_fixtures.py writes
// fixtures.json; tests/test_js.py fails when the library and the fixtures disagree, and runs this suite).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import {
  bigramError, bigramProbs, charCount, closestSmoothing, countBigrams, countsNll, diverged, divergenceMessage,
  largestDifference, listSizeError, mt19937, nameError, nameNll, parseWords, pyG, pyRepr, sampleDraws, sampleNames,
  scoreName, seedError, smoothingCurves, softmaxRows, trainCounts, uniformProbs,
} from "../src/maths.js";
import { keepRun } from "../src/ui.js";
import { CHARS } from "../src/limits.js";

const F = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
const num = (x) => (typeof x === "string" ? Number(x.replace("inf", "Infinity")) : x);
// Floats computed by torch (the fixtures, made on some CPU) and by this module agree to one tolerance, stated and
// explained once, beside the fixtures' generator (FLOAT_TOLERANCE in tests/js_fixtures.py), which writes it into
// fixtures.json: relative above 1, absolute below. Counts, names, messages and P at whole k are compared exactly.
const close = (got, want, what) =>
  assert.ok(got === want || Math.abs(got - want) <= F.tolerance * Math.max(1, Math.abs(got), Math.abs(want)),
    `${what}: ${got} vs ${want}`);

test("counts of the names equal count_bigrams", () => {
  assert.deepEqual(countBigrams(F.names), F.counts);
});

// P is float32: torch sums a row in its own (CPU-dependent) order, so at a fractional k the row total, and P, can
// differ from the page's in the last places; at whole k the sums are exact integers and P is one correctly rounded
// division, so P is equal to the bit on every CPU.
test("P at every k equals bigram_probs to float32 rounding", () => {
  for (const [k, want] of Object.entries(F.probs)) {
    const P = bigramProbs(F.counts, Number(k));
    P.forEach((row, i) => row.forEach((p, j) => close(p, want[i][j], `P[${i}][${j}] at k = ${k}`)));
    if (Number.isInteger(Number(k))) assert.deepEqual(P, want, `k = ${k}`);
  }
  assert.deepEqual(uniformProbs(), F.uniform);
});

test("the loss of the counts and of names equal counts_nll and name_nll", () => {
  for (const [k, want] of Object.entries(F.counts_nll)) close(countsNll(F.counts, bigramProbs(F.counts, Number(k))), want, `k = ${k}`);
  for (const c of F.name_nll) {
    const P = F.probs[c.k];
    close(nameNll(c.name, P), num(c.nll), c.name);   // torch's float32 log is the CPU's: its last bit varies
    const scores = scoreName(c.name, P);
    assert.deepEqual(scores.map((s) => [s.bigram, s.prob]), c.scores.map(([b, p]) => [b, p]));
    scores.forEach((s, i) => close(s.logprob, num(c.scores[i][2]), `${c.name}: log P(${s.bigram})`));
  }
});

test("training steps equal train_counts (losses, W and the net's P)", () => {
  for (const c of F.training) {
    const run = trainCounts(F.counts, F.w0, c.steps, c.lr, c.l2);
    assert.equal(run.losses.length, c.losses.length);
    run.losses.forEach((x, i) => close(x, c.losses[i], `loss ${i} of ${JSON.stringify([c.steps, c.lr, c.l2])}`));
    run.W.forEach((row, i) => row.forEach((w, j) => close(w, c.W[i][j], `W[${i}][${j}]`)));   // W is float32 in Python
    softmaxRows(c.W).forEach((row, i) => row.forEach((p, j) => close(p, c.probs[i][j], `P[${i}][${j}]`)));
  }
});

test("divergence: the same verdict and message as train_counts", () => {
  for (const c of F.divergence) {
    const run = trainCounts(F.counts, F.w0, c.steps, c.lr, c.l2);
    assert.equal(diverged(run, F.diverged_limit), c.diverged, JSON.stringify(c));
    if (c.diverged) assert.equal(divergenceMessage(F.counts, F.w0, c.steps, c.lr, c.l2, F.diverged_limit), c.message);
  }
});

test("λ ↔ k: closestSmoothing finds closest_smoothing's k", () => {
  for (const c of F.closest_smoothing) {
    const got = closestSmoothing(F.counts, c.probs);
    assert.equal(got.k, c.k);
    close(got.kl, c.kl, "kl");
  }
});

test("sampleNames draws torch's names for every seed and model", () => {
  for (const c of F.samples) {
    const P = c.k === "uniform" ? F.uniform : F.probs[c.k];
    assert.deepEqual(sampleNames(P, c.seed, c.names.length), c.names, `k = ${c.k}, seed ${c.seed}`);
  }
});

test("sampleDraws: every draw of a batch, its row, choice and scores, as torch makes them", () => {
  for (const c of F.draws) {
    const P = c.k === "uniform" ? F.uniform : F.probs[c.k];
    const got = sampleDraws(P, c.seed, c.skip, c.n);
    assert.deepEqual(got.names, c.names, `k = ${c.k}, seed ${c.seed}`);
    assert.deepEqual(got.draws.map((d) => [d.row, d.index]), c.draws.map(([row, index]) => [row, index]));
    got.draws.forEach((d, i) => d.scores.forEach((x, j) => close(x, c.draws[i][2][j], `score ${i} ${j}`)));
    const spelled = got.draws.map((d) => CHARS[d.index]).join("").split(".").slice(0, -1);
    assert.deepEqual(spelled, c.names);
  }
});

test("mt19937 is the reference generator (10,000th output for the default seed 5489)", () => {
  const next = mt19937(5489);
  let x;
  for (let i = 0; i < 10000; i++) x = next();
  assert.equal(x, 4123659995);   // the C++ standard's check value for std::mt19937
});

test("messages for bad names, bigrams and seeds are Python's", () => {
  for (const [text, want] of F.name_errors) assert.equal(nameError(text), want, JSON.stringify(text));
  for (const [text, want] of F.bigram_errors) assert.equal(bigramError(text), want, JSON.stringify(text));
  for (const [text, want] of F.seed_errors) assert.equal(seedError(text, 4294967295), want, JSON.stringify(text));
});

test("values are written as Python writes them (repr, :g)", () => {
  for (const [text, want] of F.reprs) assert.equal(pyRepr(text.length <= 40 ? text : [...text].slice(0, 37).join("") + "..."), want);
  for (const [x, want] of F.floats) assert.equal(pyG(x), want, String(x));
});

test("your own word list: words, vocabulary, counts, loss, samples and messages as Python", () => {
  for (const c of F.word_lists) {
    const text = typeof c.text === "string" ? c.text : c.text[0].repeat(c.text[1]);
    const parsed = parseWords(text);
    assert.equal(parsed.error ?? null, c.error, JSON.stringify(text.slice(0, 40)));
    if (c.error) continue;
    assert.deepEqual(parsed.words, c.words);
    assert.deepEqual(parsed.itos, c.itos);
    const counts = countBigrams(parsed.words, parsed.itos);
    assert.deepEqual(counts, c.counts);
    for (const [k, want] of Object.entries(c.k)) {
      const P = bigramProbs(counts, Number(k));
      P.forEach((row, i) => row.forEach((p, j) => close(p, want.probs[i][j], "P")));
      close(countsNll(counts, P), want.loss, "loss");
      for (const [seed, names] of Object.entries(want.samples))
        assert.deepEqual(sampleNames(want.probs, Number(seed), names.length, parsed.itos), names, `seed ${seed}, k = ${k}`);
    }
  }
});

test("a word list over a size limit is refused in one pass, with parse_words' message", () => {
  const sizeMessage = /^the list (is [\d,]+ characters long|has [\d,]+ (words|lines)):/;
  let refused = 0;
  for (const c of F.word_lists) {
    const text = typeof c.text === "string" ? c.text : c.text[0].repeat(c.text[1]);
    const want = c.error && sizeMessage.test(c.error) ? c.error : null;
    assert.equal(listSizeError(text), want, JSON.stringify(text.slice(0, 40)));
    if (want) refused++;
  }
  assert.ok(refused >= 4);
  assert.equal(charCount("a😀e\u0301"), 4);
});

test("the vocabulary is makemore_lib's", () => {
  assert.equal(CHARS, ".abcdefghijklmnopqrstuvwxyz");
});

test("the smoothing chart: training and dev loss against k equal counts_nll on bigram_probs(train, k)", () => {
  const c = F.smoothing_curves;
  const got = smoothingCurves(c.train, c.dev, c.ks);
  c.ks.forEach((k, i) => {
    close(got.train[i], c.train_loss[i], `training loss at k = ${k}`);
    close(got.dev[i], c.dev_loss[i], `dev loss at k = ${k}`);
  });
});

test("the regularization widget's largest difference is Python's (cell and both values)", () => {
  F.closest_smoothing.forEach((c, n) => {
    const [bigram, net, smooth] = F.largest_difference[n];
    const got = largestDifference(c.probs, bigramProbs(F.counts, c.k));
    assert.equal(got.bigram, bigram);
    close(got.a, net, "net's P");
    close(got.b, smooth, "smoothed P");
  });
});

test("the training chart keeps the last runs, newest first, each setting once", () => {
  let kept = [];
  for (const c of F.lr_runs) {
    const run = trainCounts(F.counts, F.w0, c.losses.length - 1, c.lr, 0);
    run.losses.forEach((x, i) => close(x, c.losses[i], `loss ${i} at lr ${c.lr}`));
    kept = keepRun(kept, { lr: c.lr, steps: c.losses.length - 1, l2: 0, losses: run.losses }, 5);
  }
  assert.deepEqual(kept.map((r) => r.lr), [1, 50]);   // lr 1 again: moved to the front, not kept twice
  for (let lr = 2; lr < 9; lr++) kept = keepRun(kept, { lr, steps: 20, l2: 0, losses: [] }, 5);
  assert.deepEqual(kept.map((r) => r.lr), [8, 7, 6, 5, 4]);
  close(countsNll(F.counts, bigramProbs(F.counts, 0)), F.counts_nll["0"], "the reference line: the counting model");
});
