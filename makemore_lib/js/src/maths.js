// The bigram model's maths in the browser, shared by every widget: vocabulary and name checks, counts,
// smoothing, probabilities, losses, the training step, λ↔k, and torch's exact sampling.
// The numbers follow makemore_lib: P is rounded to float32 like bigram_probs, losses are accumulated in float64
// like counts_nll, training is train_counts in float64. Limits and message templates come from limits.js,
// which Python writes (makemore_lib/live/build.py); test/maths.test.mjs checks every function against cases
// generated from makemore_lib.

import { CHARS, MAX_NAME_LENGTH, MAX_SAMPLED_NAME_LENGTH, MESSAGES, SMOOTHING_GRID, WORDLIST } from "./limits.js";

export { CHARS, MESSAGES, WORDLIST };
const f32 = Math.fround;

// ---- Python's way of writing values in messages ------------------------------------------------------------

// format("{what} is {n}", {what: "name", n: "3"}): the templates of limits.js, filled like Python's str.format.
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}

// 1234567 -> "1,234,567" (Python's f"{n:,}"), for ints given as numbers or digit strings.
export function groupDigits(n) {
  const text = String(n);
  const sign = text.startsWith("-") ? "-" : "";
  return sign + text.slice(sign.length).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// Python's f"{x:g}": 6 significant digits, trailing zeros dropped, scientific below 1e-4 and from 1e6.
export function pyG(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, exp] = x.toExponential(5).split("e");
  const e = Number(exp);
  const strip = (s) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  if (e < -4 || e >= 6) return `${strip(mantissa)}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  return strip(x.toFixed(Math.max(0, 5 - e)));
}

// Python's repr of one character: quotes, and escapes for characters that do not print.
function reprChar(ch, quote) {
  if (ch === "\\") return "\\\\";
  if (ch === quote) return "\\" + quote;
  if (ch === "\t") return "\\t";
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (printable(ch)) return ch;
  const code = ch.codePointAt(0);
  if (code < 0x100) return "\\x" + code.toString(16).padStart(2, "0");
  if (code < 0x10000) return "\\u" + code.toString(16).padStart(4, "0");
  return "\\U" + code.toString(16).padStart(8, "0");
}

// Python's str.isprintable() for one character (space counts as printable).
function printable(ch) {
  return ch === " " || !/[\p{C}\p{Z}]/u.test(ch);
}

// Python's repr(text).
export function pyRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return quote + [...text].map((ch) => reprChar(ch, quote)).join("") + quote;
}

// checks.describe_char: how a character is named in a message, so that invisible ones show up.
export function describe(ch) {
  const shown = pyRepr(ch);
  if (printable(ch) && !/[\s\u001c-\u001f\u0085]/u.test(ch)) return shown;
  return `${shown} (U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")})`;
}

// checks._bad_character's hint for the usual way whitespace gets into a name.
function spaceHint(ch) {
  if (ch === "\r" || ch === "\n") return " (lines read with readlines() keep their newline: use read().splitlines())";
  return /[\s\u001c-\u001f\u0085]/u.test(ch) ? " (strip spaces first: name.strip())" : "";
}

// checks.shorten: repr(text), cut to 40 characters.
function shortRepr(text) {
  const shown = [...pyRepr(text)];
  return shown.length <= 40 ? shown.join("") : shown.slice(0, 37).join("") + "...";
}

function shorten(chars) {
  return chars.length <= 40 ? chars.join("") : chars.slice(0, 37).join("") + "...";
}

// The first `n` characters (code points) of `text`, without splitting the rest: enough to shorten a long text.
function head(text, n = 41) {
  const chars = [];
  for (const ch of text) {
    if (chars.length === n) break;
    chars.push(ch);
  }
  return chars;
}

// Python's len(text): characters (code points), counted without making an array of them.
export function charCount(text) {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { pairs++; i++; }
    }
  }
  return text.length - pairs;
}

// ---- vocabulary ----------------------------------------------------------------------------------------------

// vocabulary.check_name: null if `name` is a name the model can score, else Python's message.
export function nameError(name, what = "name") {
  if (typeof name !== "string") return `${what} must be a str, not ${name === null ? "NoneType" : typeof name}`;
  const size = charCount(name);   // the length first: a pasted book is refused before it is looked at
  if (!size) return `${what} is empty: a name needs at least one letter a-z`;
  if (size > MAX_NAME_LENGTH)
    return `${what} is ${groupDigits(size)} characters long: the longest name accepted has ${MAX_NAME_LENGTH}`;
  const chars = [...name];
  for (let pos = 0; pos < chars.length; pos++) {
    const ch = chars[pos];
    if (ch === "." || !CHARS.includes(ch) || ch.length !== 1)
      return `${what} ${shortRepr(name)} has ${describe(ch)} at position ${pos}, which is not a lowercase letter a-z`
        + spaceHint(ch);
  }
  return null;
}

// What a name box refuses to take in (a paste over the length limit), with nameError's message; else null.
export function nameTooLong(name, what = "name") {
  return charCount(name) > MAX_NAME_LENGTH ? nameError(name, what) : null;
}

// The live widgets' bigram box: null if `text` is two characters of the vocabulary, else the message.
export function bigramError(text) {
  const chars = head(text);
  return chars.length === 2 && chars.every((ch) => CHARS.includes(ch) && ch.length === 1) ? null
    : format(MESSAGES.bigram, { shown: pyRepr(shorten(chars)) });
}

// The sampling widget's seed box: null if `text` is a whole number from 0 to `max`, else the message.
// A number of 31 digits or more is shown by its number of digits, as checks.check_int does (and without
// reading it into a BigInt: a pasted million digits costs one pass).
export function seedError(text, max) {
  if (!/^\s*-?\d+\s*$/.test(text)) return format(MESSAGES.seed_text, { shown: pyRepr(shorten(head(text))) });
  const digits = text.trim().replace(/^-/, "").replace(/^0+(?=\d)/, "");
  if (digits.length > 30) return `seed must be between 0 and ${groupDigits(max)}, not an int of ${digits.length} digits`;
  const value = BigInt(text.trim());
  return value >= 0n && value <= BigInt(max) ? null
    : `seed must be between 0 and ${groupDigits(max)}, not ${groupDigits(value)}`;
}

export function bigrams(name) {
  const chars = [".", ...name, "."];
  return chars.slice(1).map((ch, i) => chars[i] + ch);
}

// ---- your own word list: its words, its characters, its counts ------------------------------------------------

// The word list's size limits, checked in one pass with nothing allocated, before the list is split or shown:
// its length in characters, its lines, then its words (what parse_words refuses first). Null when within all.
export function listSizeError(text) {
  const L = WORDLIST;
  const size = charCount(text);
  if (size > L.max_text) return format(MESSAGES.list_too_long, { size: groupDigits(size), max: groupDigits(L.max_text) });
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  if (lines > L.max_lines) return format(MESSAGES.list_too_many_lines, { count: groupDigits(lines), max: groupDigits(L.max_lines) });
  const separators = new Set([...L.separators].map((ch) => ch.charCodeAt(0)));
  let count = 0, inWord = false;
  for (let i = 0; i < text.length; i++) {
    const sep = separators.has(text.charCodeAt(i));
    if (!sep && !inWord) count++;
    inWord = !sep;
  }
  return count > L.max_words ? format(MESSAGES.list_too_many, { count: groupDigits(count), max: groupDigits(L.max_words) }) : null;
}

// live.wordlist.parse_words: the words of a pasted text and its vocabulary ("." then its characters in code
// point order), or the message saying what is wrong with it.
export function parseWords(text) {
  const L = WORDLIST;
  if (typeof text !== "string") return { error: `words must be a str, not ${typeof text}` };
  const tooBig = listSizeError(text);
  if (tooBig) return { error: tooBig };
  const sep = new RegExp(`[${L.separators.replace(/[\\\]^-]/g, "\\$&")}]+`);
  const words = text.split(sep).filter((w) => w.length);
  if (words.length === 0) return { error: MESSAGES.list_empty };
  if (words.length < L.min_words) return { error: format(MESSAGES.list_one_word, { word: pyRepr(shorten(head(words[0]))) }) };
  if (words.length > L.max_words) return { error: format(MESSAGES.list_too_many, { count: groupDigits(words.length), max: groupDigits(L.max_words) }) };
  const seen = new Set();
  for (let i = 0; i < words.length; i++) {
    const chars = [...words[i]];
    if (chars.length > L.max_word_length)
      return { error: format(MESSAGES.word_too_long, { i, size: groupDigits(chars.length), max: L.max_word_length }) };
    for (let pos = 0; pos < chars.length; pos++) {
      if (!(/^\p{L}$/u.test(chars[pos]) || L.also.includes(chars[pos])))
        return { error: format(MESSAGES.word_not_letter, { i, word: pyRepr(shorten(chars)), ch: describe(chars[pos]), pos }) };
      seen.add(chars[pos]);
    }
  }
  if (seen.size > L.max_chars) return { error: format(MESSAGES.list_too_many_chars, { count: seen.size, max: L.max_chars }) };
  const letters = [...seen].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
  return { words, itos: [".", ...letters] };
}

// counting.count_bigrams for any vocabulary: counts[i][j] is how often itos[j] follows itos[i].
export function countBigrams(words, itos = CHARS) {
  const chars = [...itos];
  const stoi = new Map(chars.map((ch, i) => [ch, i]));
  const counts = chars.map(() => new Array(chars.length).fill(0));
  for (const word of words) {
    let prev = 0;
    for (const ch of [...word, "."]) {
      const next = stoi.get(ch);
      counts[prev][next] += 1;
      prev = next;
    }
  }
  return counts;
}

// ---- probabilities and losses --------------------------------------------------------------------------------

// probabilities.bigram_probs: add k to every count, normalise rows (float32 arithmetic, as torch does; a row
// with no counts at all becomes uniform).
export function bigramProbs(counts, k = 0) {
  const kk = f32(k);
  return counts.map((row) => {
    let cells = row.map((c) => f32(c + kk));
    let total = 0;
    for (const v of cells) total = f32(total + v);
    if (total === 0) { cells = cells.map(() => 1); total = f32(cells.length); }
    return cells.map((v) => f32(v / total));
  });
}

export function uniformProbs(size = CHARS.length) {
  return Array.from({ length: size }, () => new Array(size).fill(f32(1 / size)));
}

// loss.counts_nll: the average negative log-likelihood of every counted bigram (float64).
export function countsNll(counts, P) {
  let total = 0, ll = 0;
  for (let i = 0; i < counts.length; i++)
    for (let j = 0; j < counts[i].length; j++) {
      const c = counts[i][j];
      if (c > 0) { total += c; ll += c * Math.log(P[i][j]); }
    }
  return -ll / total;
}

// The smoothing explorer's chart: the loss of the training counts and of the dev counts for P = bigramProbs(train,
// k), at every k of `ks` (chapter 4's curves: counts_nll(train, P) and counts_nll(dev, P)).
export function smoothingCurves(train, dev, ks) {
  const P = ks.map((k) => bigramProbs(train, k));
  return { train: P.map((p) => countsNll(train, p)), dev: P.map((p) => countsNll(dev, p)) };
}

// loss.score_name: each bigram with its probability and log-probability (float32 log, as torch).
export function scoreName(name, P) {
  return bigrams(name).map((b) => {
    const p = P[CHARS.indexOf(b[0])][CHARS.indexOf(b[1])];
    return { bigram: b, prob: p, logprob: f32(Math.log(p)) };
  });
}

export function nameNll(name, P) {
  const scores = scoreName(name, P);
  let s = 0;
  for (const x of scores) s += x.logprob;
  return -s / scores.length;
}

// ---- the neural net: train_counts in float64 -----------------------------------------------------------------

// One full-batch step's numbers on flat float64 arrays: the loss parts and P = softmax(W) row by row.
function lossAndProbs(N, W, P, total, l2, V) {
  let ll = 0, sq = 0;
  for (let i = 0; i < V; i++) {
    const o = i * V;
    let m = -Infinity;
    for (let j = 0; j < V; j++) if (W[o + j] > m) m = W[o + j];
    let s = 0;
    for (let j = 0; j < V; j++) { const e = Math.exp(W[o + j] - m); P[o + j] = e; s += e; }
    const lse = m + Math.log(s);
    for (let j = 0; j < V; j++) {
      const w = W[o + j];
      ll += N[o + j] * (w - lse);
      sq += w * w;
      P[o + j] /= s;
    }
  }
  return { data: -ll / total, penalty: (l2 * sq) / (V * V) };
}

// neural.train_counts: `steps` steps of gradient descent from W0. losses[i] is the loss before step i, and the
// last entry the loss after the last step; also W, and the last data loss and penalty.
export function trainCounts(counts, W0, steps, lr, l2) {
  const V = counts.length;
  const N = Float64Array.from(counts.flat());
  const W = Float64Array.from(W0.flat());
  const P = new Float64Array(V * V);
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const decay = (2 * l2) / (V * V);
  const losses = [];
  for (let s = 0; ; s++) {
    const { data, penalty } = lossAndProbs(N, W, P, total, l2, V);
    losses.push(data + penalty);
    if (s === steps) {
      const rows = Array.from({ length: V }, (_, i) => Array.from(W.subarray(i * V, i * V + V)));
      return { W: rows, losses, data, penalty };
    }
    for (let i = 0; i < V; i++)
      for (let j = 0; j < V; j++) {
        const x = i * V + j;
        W[x] -= lr * ((rowTotals[i] * P[x] - N[x]) / total + decay * W[x]);
      }
  }
}

// neural.diverged: whether a run blew up (a loss not finite or above `limit`, or W not finite).
export function diverged(run, limit) {
  return !(run.losses.every((x) => Number.isFinite(x) && x < limit) && run.W.every((row) => row.every(Number.isFinite)));
}

// neural.train_counts's message: blame λ when the same run without the penalty does not blow up.
export function divergenceMessage(counts, W0, steps, lr, l2, limit) {
  const blameL2 = l2 > 0 && !diverged(trainCounts(counts, W0, steps, lr, 0), limit);
  return format(blameL2 ? MESSAGES.diverged_l2 : MESSAGES.diverged_lr, { lr: pyG(lr), l2: pyG(l2) });
}

// neural.net_probs: softmax of each row of W, rounded to float32.
export function softmaxRows(W) {
  return W.map((row) => {
    let m = -Infinity;
    for (const x of row) if (x > m) m = x;
    let s = 0;
    for (const x of row) s += Math.exp(x - m);
    const lse = m + Math.log(s);
    return row.map((x) => f32(Math.exp(x - lse)));
  });
}

// ---- λ ↔ k: regularization.closest_smoothing -----------------------------------------------------------------

// The smoothing k of SMOOTHING_GRID whose bigramProbs is closest to P (KL of the smoothed counts from P, rows
// weighted by their totals in the counts), and that KL.
export function closestSmoothing(counts, P, grid = SMOOTHING_GRID) {
  const V = counts.length;
  const rows = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rows.reduce((a, b) => a + b, 0);
  const logq = P.map((row) => row.map((q) => Math.log(q)));
  let best = 0, bestKl = Infinity;
  grid.forEach((k, g) => {
    let kl = 0;
    for (let i = 0; i < V; i++) {
      let rowTotal = 0;
      for (let j = 0; j < V; j++) rowTotal += counts[i][j] + k;
      let terms = 0;
      for (let j = 0; j < V; j++) {
        const p = rowTotal > 0 ? (counts[i][j] + k) / rowTotal : 1 / 27;
        if (p > 0) terms += p * (Math.log(p) - logq[i][j]);
      }
      kl += rows[i] * terms;
    }
    kl /= total;
    if (kl < bestKl) { best = g; bestKl = kl; }
  });
  return { k: grid[best], kl: Math.max(bestKl, 0) };
}

// The cell where two tables differ most (the first one, row by row, on ties): its bigram and both values.
// (regularization's largest_difference.)
export function largestDifference(A, B) {
  let best = [0, 0], size = -1;
  A.forEach((row, i) => row.forEach((a, j) => { const d = Math.abs(a - B[i][j]); if (d > size) { size = d; best = [i, j]; } }));
  return { bigram: CHARS[best[0]] + CHARS[best[1]], a: A[best[0]][best[1]], b: B[best[0]][best[1]], size };
}

// ---- sampling: exactly torch.multinomial(p, 1, replacement=True, generator=g) --------------------------------

// The 32-bit Mersenne Twister (mt19937) that torch's CPU generator is, seeded like manual_seed (low 32 bits).
export function mt19937(seed) {
  const mt = new Uint32Array(624);
  mt[0] = Number(BigInt(seed) & 0xffffffffn);
  for (let i = 1; i < 624; i++) mt[i] = (Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i) >>> 0;
  let index = 624;
  return function next() {
    if (index >= 624) {
      for (let i = 0; i < 624; i++) {
        const y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
        mt[i] = mt[(i + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}

// One Exp(1) draw as torch makes it for a float32 tensor: 53 random bits from two 32-bit outputs, u in [0, 1),
// -log1p(-u) in double, rounded to float32.
function exponential(next) {
  const a = next(), b = next();
  const u = ((a & 0x1fffff) * 4294967296 + b) / 9007199254740992;
  return f32(-Math.log1p(-u));
}

// One character: torch's "exponential race", argmax over the row of p / q (float32), first index on ties. With
// `scores`, each character's p / q is written into it.
function drawIndex(row, next, scores) {
  let best = 0, bestValue = -Infinity;
  for (let j = 0; j < row.length; j++) {
    const value = f32(f32(row[j]) / exponential(next));
    if (scores) scores[j] = value;
    if (value > bestValue) { best = j; bestValue = value; }
  }
  return best;
}

// One name of the lecture's loop: from index 0, draw until index 0 comes again. With `draws`, each draw's row,
// chosen index and scores are appended to it.
function drawName(probs, next, chars, draws) {
  let ix = 0;
  const out = [];
  for (;;) {
    const row = ix, scores = draws ? new Array(probs[row].length) : null;
    ix = drawIndex(probs[row], next, scores);
    if (draws) draws.push({ row, index: ix, scores });
    if (ix === 0) return out.join("");
    out.push(chars[ix]);
    if (out.length > MAX_SAMPLED_NAME_LENGTH) throw new Error(format(MESSAGES.sampled_too_long, { max: groupDigits(MAX_SAMPLED_NAME_LENGTH) }));
  }
}

// The names the lecture's loop draws with g = torch.Generator().manual_seed(seed): from index 0, draw the next
// index with torch.multinomial(probs[ix], 1, replacement=True, generator=g) until it is 0 again. `probs` is a
// square table of numbers (float32 values), `itos` its characters ("." first). Names come without the end token.
export function sampleNames(probs, seed, count, itos = CHARS) {
  const chars = [...itos];
  const next = mt19937(seed);
  const names = [];
  while (names.length < count) names.push(drawName(probs, next, chars, null));
  return names;
}

// live.sampling.batch_draws: names skip .. skip + count - 1 of sampleNames, and every draw that makes them
// ({ row, index, scores }: the row drawn from, the index chosen, each character's p / q).
export function sampleDraws(probs, seed, skip, count, itos = CHARS) {
  const chars = [...itos];
  const next = mt19937(seed);
  for (let i = 0; i < skip; i++) drawName(probs, next, chars, null);
  const names = [], draws = [];
  for (let i = 0; i < count; i++) names.push(drawName(probs, next, chars, draws));
  return { names, draws };
}
