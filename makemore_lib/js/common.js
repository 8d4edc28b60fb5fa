// makemore_lib/js/common.js: the bigram model's arithmetic in the browser, shared by every live widget.
// Python joins this file with one widget's file (live.py, _module) into the widget's ES module.
// The numbers follow makemore_lib: P is rounded to float32 like torch's bigram_probs, losses are
// accumulated in float64 like counts_nll, training is train_counts in float64.

const CHARS = ".abcdefghijklmnopqrstuvwxyz";
const V = 27;
const STOI = Object.fromEntries([...CHARS].map((c, i) => [c, i]));
const MAX_NAME_LENGTH = 1000;
const f32 = Math.fround;

function describe(ch) {
  const code = ch.codePointAt(0);
  const printable = !/\s/.test(ch) && code >= 32 && code !== 127;
  const quoted = ch === "'" ? `"'"` : `'${ch}'`;
  return printable ? quoted : `${quoted} (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
}

// The browser's version of vocabulary.check_name: null if the name is fine, else the message.
function nameError(name, what = "name") {
  if (!name) return `${what} is empty: a name needs at least one letter a-z`;
  const chars = [...name];
  if (chars.length > MAX_NAME_LENGTH)
    return `${what} is ${chars.length} characters long: the longest name accepted has ${MAX_NAME_LENGTH}`;
  for (let pos = 0; pos < chars.length; pos++) {
    const ch = chars[pos];
    if (!(ch in STOI) || ch === ".") {
      const shown = chars.length <= 40 ? name : chars.slice(0, 37).join("") + "...";
      return `${what} '${shown}' has ${describe(ch)} at position ${pos}, which is not a lowercase letter a-z`;
    }
  }
  return null;
}

function bigrams(name) {
  const s = "." + name + ".";
  const out = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s[i] + s[i + 1]);
  return out;
}

// probabilities.bigram_probs: add k to every count, normalise rows (float32 arithmetic, as torch does).
function bigramProbs(counts, k) {
  const kk = f32(k);
  return counts.map((row) => {
    let cells = row.map((c) => f32(c + kk));
    let total = 0;
    for (const v of cells) total = f32(total + v);
    if (total === 0) { cells = cells.map(() => 1); total = V; }
    return cells.map((v) => f32(v / total));
  });
}

function uniformProbs() {
  return Array.from({ length: V }, () => new Array(V).fill(f32(1 / V)));
}

// loss.counts_nll: the average negative log-likelihood of every counted bigram (float64).
function countsNll(counts, P) {
  let total = 0, ll = 0;
  for (let i = 0; i < V; i++)
    for (let j = 0; j < V; j++) {
      const c = counts[i][j];
      if (c > 0) { total += c; ll += c * Math.log(P[i][j]); }
    }
  return -ll / total;
}

// loss.score_name: each bigram with its probability and log-probability (float32 log, as torch).
function scoreName(name, P) {
  return bigrams(name).map((b) => {
    const p = P[STOI[b[0]]][STOI[b[1]]];
    return { bigram: b, prob: p, logprob: f32(Math.log(p)) };
  });
}

function nameNll(name, P) {
  const scores = scoreName(name, P);
  let s = 0;
  for (const x of scores) s += x.logprob;
  return -s / scores.length;
}

// A small seeded generator (mulberry32): numbers in [0, 1), the same for the same seed in every browser.
// live.browser_random in Python is the same generator.
function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names drawn from P with the seeded generator: each next character by inverting the row's cumulative sum.
// `skip` names are drawn and dropped first (a button press draws the next batch from the same stream).
function sampleNames(P, n, seed, skip = 0) {
  const rand = mulberry32(seed);
  const names = [];
  for (let s = 0; s < skip + n; s++) {
    let ix = 0, out = "";
    for (;;) {
      const u = rand();
      const row = P[ix];
      let acc = 0, next = -1, last = 0;
      for (let j = 0; j < V; j++) {
        if (row[j] > 0) last = j;
        acc += row[j];
        if (u < acc) { next = j; break; }
      }
      ix = next < 0 ? last : next;
      if (ix === 0 || out.length >= MAX_NAME_LENGTH) break;
      out += CHARS[ix];
    }
    if (s >= skip) names.push(out);
  }
  return names;
}

// neural.train_counts in float64: losses[i] is the loss before step i; also the loss after the last step.
function logSoftmaxRows(W) {
  return W.map((row) => {
    let m = -Infinity;
    for (const x of row) if (x > m) m = x;
    let s = 0;
    for (const x of row) s += Math.exp(x - m);
    const lse = m + Math.log(s);
    return row.map((x) => x - lse);
  });
}

// One full-batch step's numbers on flat float64 arrays: the loss parts and P = softmax(W) row by row.
function lossAndProbs(N, W, P, total, l2) {
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

function trainCounts(counts, W0, steps, lr, l2) {
  const N = Float64Array.from(counts.flat());
  const W = Float64Array.from(W0.flat());
  const P = new Float64Array(V * V);
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const decay = (2 * l2) / (V * V);
  const losses = [];
  for (let s = 0; ; s++) {
    const { data, penalty } = lossAndProbs(N, W, P, total, l2);
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

function softmaxRows(W) {
  return logSoftmaxRows(W).map((row) => row.map((x) => f32(Math.exp(x))));
}

// ---- drawing -------------------------------------------------------------------------------------------

// matplotlib's Blues at 9 evenly spaced points (plots.colours uses the same map).
const BLUES = [[247, 251, 255], [221, 234, 246], [197, 218, 238], [157, 201, 224], [106, 173, 213],
  [65, 145, 197], [32, 112, 180], [8, 80, 154], [8, 48, 107]];

function blues(x) {
  const t = Math.min(Math.max(x, 0), 1) * (BLUES.length - 1);
  const i = Math.min(Math.floor(t), BLUES.length - 2), f = t - i;
  const c = BLUES[i].map((v, n) => Math.round(v + f * (BLUES[i + 1][n] - v)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

const STYLE = `
.mm-live { font: 14px/1.5 system-ui, sans-serif; color: #222; background: #fff; padding: 8px 10px;
  border: 1px solid #d0d7de; border-radius: 6px; max-width: 640px; }
.mm-live label { display: inline-block; min-width: 9em; }
.mm-live .mm-row { margin: 4px 0; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.mm-live input[type=range] { width: 220px; }
.mm-live input[type=text], .mm-live input[type=number] { width: 12em; font: inherit; }
.mm-live .mm-value { font-family: ui-monospace, monospace; min-width: 5em; }
.mm-live .mm-error { color: #b00020; }
.mm-live code.mm-chip { background: #eef2f7; color: #123; padding: 1px 5px; border-radius: 4px; margin: 2px;
  max-width: 100%; overflow-wrap: anywhere;
  display: inline-block; }
.mm-live table { margin: 4px 0; border-collapse: collapse; font-family: ui-monospace, monospace; }
.mm-live td, .mm-live th { padding: 1px 8px; text-align: right; border-bottom: 1px solid #eee; }
.mm-live canvas { image-rendering: pixelated; border: 1px solid #ccc; cursor: crosshair; }
.mm-live .mm-note { color: #555; font-size: 12px; }
`;

function frame(el0, kind, title) {
  const root = el("div", { class: "mm-live", "data-widget": kind }, [el("style", { text: STYLE })]);
  if (title) root.append(el("div", { style: "font-weight:600", text: title }));
  el0.append(root);
  return root;
}

// A slider over a list of values (a log-like scale with 0 included, for instance).
function optionSlider(label, options, value, fmt, onChange, name) {
  const index = Math.max(0, options.findIndex((v) => v === value));
  const input = el("input", { type: "range", min: 0, max: options.length - 1, step: 1, value: index,
    "aria-label": label, "data-control": name });
  const shown = el("span", { class: "mm-value", text: fmt(options[index]) });
  input.addEventListener("input", () => {
    const v = options[Number(input.value)];
    shown.textContent = fmt(v);
    onChange(v);
  });
  const set = (v) => {
    const i = options.findIndex((x) => x === v);
    if (i >= 0) { input.value = i; shown.textContent = fmt(v); }
  };
  return { row: el("div", { class: "mm-row" }, [el("label", { text: label }), input, shown]), input, set };
}

function intSlider(label, min, max, value, onChange, name) {
  const input = el("input", { type: "range", min, max, step: 1, value, "aria-label": label, "data-control": name });
  const shown = el("span", { class: "mm-value", text: String(value) });
  input.addEventListener("input", () => { shown.textContent = input.value; onChange(Number(input.value)); });
  const set = (v) => { input.value = v; shown.textContent = String(v); };
  return { row: el("div", { class: "mm-row" }, [el("label", { text: label }), input, shown]), input, set };
}

// Draw a 27x27 table of numbers as a heatmap on a canvas (Blues, 0..vmax), with the characters along the
// top (the next character) and the left (the first one); returns the canvas.
function heatmapCanvas(cell = 10) {
  const pad = 12, size = pad + V * cell;
  const canvas = el("canvas", { width: size, height: size, role: "img" });
  canvas.draw = (M, vmax, label) => {
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, size, size);
    ctx.fillStyle = "#333";
    ctx.font = "9px monospace";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (let i = 0; i < V; i++) {
      ctx.fillText(CHARS[i], pad + i * cell + cell / 2, pad / 2);
      ctx.fillText(CHARS[i], pad / 2, pad + i * cell + cell / 2);
    }
    for (let i = 0; i < V; i++)
      for (let j = 0; j < V; j++) {
        ctx.fillStyle = blues(vmax > 0 ? M[i][j] / vmax : 0);
        ctx.fillRect(pad + j * cell, pad + i * cell, cell, cell);
      }
    canvas.setAttribute("aria-label", label);
  };
  canvas.cellAt = (event) => {
    const r = canvas.getBoundingClientRect();
    const j = Math.floor(((event.clientX - r.left) * size / r.width - pad) / cell);
    const i = Math.floor(((event.clientY - r.top) * size / r.height - pad) / cell);
    return i >= 0 && i < V && j >= 0 && j < V ? CHARS[i] + CHARS[j] : null;
  };
  return canvas;
}

function lossCurveSvg(losses, width = 420, height = 150) {
  const [left, right, top, bottom] = [52, 10, 10, 26];
  const finite = losses.filter(Number.isFinite);
  const low = Math.min(...finite), high = Math.max(...finite), span = high - low || 1;
  const n = Math.max(losses.length - 1, 1);
  const pts = losses.map((v, i) =>
    `${(left + ((width - left - right) * i) / n).toFixed(1)},${(top + ((height - top - bottom) * (high - v)) / span).toFixed(1)}`).join(" ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img"
    aria-label="loss curve from ${losses[0].toFixed(3)} to ${losses[losses.length - 1].toFixed(3)} over ${losses.length - 1} steps"
    style="background:#fff;font:11px sans-serif;fill:#333">
    <line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#888"/>
    <line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#888"/>
    <text x="${left - 4}" y="${top + 4}" text-anchor="end">${high.toFixed(3)}</text>
    <text x="${left - 4}" y="${height - bottom}" text-anchor="end">${low.toFixed(3)}</text>
    <text x="${left}" y="${height - 8}">step 0</text>
    <text x="${width - right}" y="${height - 8}" text-anchor="end">step ${losses.length - 1}</text>
    <polyline points="${pts}" fill="none" stroke="#2b6cb0" stroke-width="2"/></svg>`;
}

function chips(names) {
  return names.map((n) => el("code", { class: "mm-chip", text: n }));
}

function fmtLoss(x) {
  return Number.isFinite(x) ? x.toFixed(4) : "∞";
}

// Run `update`, time it, and record the time on the root (data-update-ms) for the browser tests.
function timed(root, update) {
  return (...args) => {
    const start = performance.now();
    update(...args);
    root.dataset.updateMs = (performance.now() - start).toFixed(2);
  };
}

const PRNG_NOTE = "Names come from a small seeded generator (mulberry32) that runs in your browser: the same seed " +
  "always gives the same names, but not the names torch.Generator gives in the chapter's code.";

// A callback that stores a control's new value in the model trait `name` (and syncs it to Python).
function saver(model) {
  return (name) => (v) => { model.set(name, v); model.save_changes(); };
}
