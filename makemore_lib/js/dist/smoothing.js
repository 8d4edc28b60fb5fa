// makemore_lib/js/src/limits.js
var CHARS = ".abcdefghijklmnopqrstuvwxyz";
var MAX_NAME_LENGTH = 100;
var MAX_SAMPLED_NAME_LENGTH = 1e3;
var MESSAGES = { "bigram": "bigram must be two characters from '.' and a-z, not {shown}", "seed_text": "seed must be a whole number, not {shown}", "diverged_lr": "training diverged with learning rate lr = {lr}: try a smaller lr", "diverged_l2": "training diverged with L2 strength l2 = {l2} (learning rate lr = {lr}): the same run without the penalty does not, so try a smaller l2", "overshoot": "the loss ended higher than it started: steps this large overshoot. The run is chaotic, so its last digits depend on rounding", "list_empty": "the list is empty: paste at least two words, separated by spaces, commas or new lines", "list_one_word": "the list has one word, {word}: paste at least two", "list_too_long": "the list is {size} characters long: the most accepted is {max}", "list_too_many": "the list has {count} words: the most accepted is {max}", "list_too_many_lines": "the list has {count} lines: the most accepted is {max}", "word_too_long": "words[{i}] is {size} characters long: the longest word accepted has {max}", "word_not_letter": "words[{i}] {word} has {ch} at position {pos}, which is not a letter, ' or -", "list_too_many_chars": "the list uses {count} different characters: the most accepted is {max}", "step": "step must be between 0 and {max} (the draws that make this batch's names), not {step}", "sampled_too_long": "probs do not end names: a sampled name passed {max} characters (check that column 0, the end token, can be reached)" };

// makemore_lib/js/src/maths.js
var f32 = Math.fround;
function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}
function groupDigits(n) {
  const text = String(n);
  const sign = text.startsWith("-") ? "-" : "";
  return sign + text.slice(sign.length).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function reprChar(ch, quote) {
  if (ch === "\\") return "\\\\";
  if (ch === quote) return "\\" + quote;
  if (ch === "	") return "\\t";
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (printable(ch)) return ch;
  const code = ch.codePointAt(0);
  if (code < 256) return "\\x" + code.toString(16).padStart(2, "0");
  if (code < 65536) return "\\u" + code.toString(16).padStart(4, "0");
  return "\\U" + code.toString(16).padStart(8, "0");
}
function printable(ch) {
  return ch === " " || !/[\p{C}\p{Z}]/u.test(ch);
}
function pyRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return quote + [...text].map((ch) => reprChar(ch, quote)).join("") + quote;
}
function describe(ch) {
  const shown = pyRepr(ch);
  if (printable(ch) && !/[\s\u001c-\u001f\u0085]/u.test(ch)) return shown;
  return `${shown} (U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")})`;
}
function spaceHint(ch) {
  if (ch === "\r" || ch === "\n") return " (lines read with readlines() keep their newline: use read().splitlines())";
  return /[\s\u001c-\u001f\u0085]/u.test(ch) ? " (strip spaces first: name.strip())" : "";
}
function shortRepr(text) {
  const shown = [...pyRepr(text)];
  return shown.length <= 40 ? shown.join("") : shown.slice(0, 37).join("") + "...";
}
function shorten(chars) {
  return chars.length <= 40 ? chars.join("") : chars.slice(0, 37).join("") + "...";
}
function head(text, n = 41) {
  const chars = [];
  for (const ch of text) {
    if (chars.length === n) break;
    chars.push(ch);
  }
  return chars;
}
function charCount(text) {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 55296 && c <= 56319) {
      const d = text.charCodeAt(i + 1);
      if (d >= 56320 && d <= 57343) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}
function nameError(name, what = "name") {
  if (typeof name !== "string") return `${what} must be a str, not ${name === null ? "NoneType" : typeof name}`;
  const size = charCount(name);
  if (!size) return `${what} is empty: a name needs at least one letter a-z`;
  if (size > MAX_NAME_LENGTH)
    return `${what} is ${groupDigits(size)} characters long: the longest name accepted has ${MAX_NAME_LENGTH}`;
  const chars = [...name];
  for (let pos = 0; pos < chars.length; pos++) {
    const ch = chars[pos];
    if (ch === "." || !CHARS.includes(ch) || ch.length !== 1)
      return `${what} ${shortRepr(name)} has ${describe(ch)} at position ${pos}, which is not a lowercase letter a-z` + spaceHint(ch);
  }
  return null;
}
function nameTooLong(name, what = "name") {
  return charCount(name) > MAX_NAME_LENGTH ? nameError(name, what) : null;
}
function bigramError(text) {
  const chars = head(text);
  return chars.length === 2 && chars.every((ch) => CHARS.includes(ch) && ch.length === 1) ? null : format(MESSAGES.bigram, { shown: pyRepr(shorten(chars)) });
}
function bigrams(name) {
  const chars = [".", ...name, "."];
  return chars.slice(1).map((ch, i) => chars[i] + ch);
}
function bigramProbs(counts, k = 0) {
  const kk = f32(k);
  return counts.map((row) => {
    let cells = row.map((c) => f32(c + kk));
    let total = 0;
    for (const v of cells) total = f32(total + v);
    if (total === 0) {
      cells = cells.map(() => 1);
      total = f32(cells.length);
    }
    return cells.map((v) => f32(v / total));
  });
}
function countsNll(counts, P) {
  let total = 0, ll = 0;
  for (let i = 0; i < counts.length; i++)
    for (let j = 0; j < counts[i].length; j++) {
      const c = counts[i][j];
      if (c > 0) {
        total += c;
        ll += c * Math.log(P[i][j]);
      }
    }
  return -ll / total;
}
function smoothingCurves(train, dev, ks) {
  const P = ks.map((k) => bigramProbs(train, k));
  return { train: P.map((p) => countsNll(train, p)), dev: P.map((p) => countsNll(dev, p)) };
}
function scoreName(name, P) {
  return bigrams(name).map((b) => {
    const p = P[CHARS.indexOf(b[0])][CHARS.indexOf(b[1])];
    return { bigram: b, prob: p, logprob: f32(Math.log(p)) };
  });
}
function nameNll(name, P) {
  const scores = scoreName(name, P);
  let s = 0;
  for (const x of scores) s += x.logprob;
  return -s / scores.length;
}
function mt19937(seed) {
  const mt = new Uint32Array(624);
  mt[0] = Number(BigInt(seed) & 0xffffffffn);
  for (let i = 1; i < 624; i++) mt[i] = Math.imul(1812433253, mt[i - 1] ^ mt[i - 1] >>> 30) + i >>> 0;
  let index = 624;
  return function next() {
    if (index >= 624) {
      for (let i = 0; i < 624; i++) {
        const y2 = mt[i] & 2147483648 | mt[(i + 1) % 624] & 2147483647;
        mt[i] = mt[(i + 397) % 624] ^ y2 >>> 1 ^ (y2 & 1 ? 2567483615 : 0);
      }
      index = 0;
    }
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= y << 7 & 2636928640;
    y ^= y << 15 & 4022730752;
    y ^= y >>> 18;
    return y >>> 0;
  };
}
function exponential(next) {
  const a = next(), b = next();
  const u = ((a & 2097151) * 4294967296 + b) / 9007199254740992;
  return f32(-Math.log1p(-u));
}
function drawIndex(row, next, scores) {
  let best = 0, bestValue = -Infinity;
  for (let j = 0; j < row.length; j++) {
    const value = f32(f32(row[j]) / exponential(next));
    if (scores) scores[j] = value;
    if (value > bestValue) {
      best = j;
      bestValue = value;
    }
  }
  return best;
}
function drawName(probs, next, chars, draws) {
  let ix = 0;
  const out = [];
  for (; ; ) {
    const row = ix, scores = draws ? new Array(probs[row].length) : null;
    ix = drawIndex(probs[row], next, scores);
    if (draws) draws.push({ row, index: ix, scores });
    if (ix === 0) return out.join("");
    out.push(chars[ix]);
    if (out.length > MAX_SAMPLED_NAME_LENGTH) throw new Error(format(MESSAGES.sampled_too_long, { max: groupDigits(MAX_SAMPLED_NAME_LENGTH) }));
  }
}
function sampleNames(probs, seed, count, itos = CHARS) {
  const chars = [...itos];
  const next = mt19937(seed);
  const names = [];
  while (names.length < count) names.push(drawName(probs, next, chars, null));
  return names;
}

// makemore_lib/js/src/ui.js
var BLUES = [
  [247, 251, 255],
  [221, 234, 246],
  [197, 218, 238],
  [157, 201, 224],
  [106, 173, 213],
  [65, 145, 197],
  [32, 112, 180],
  [8, 80, 154],
  [8, 48, 107]
];
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
function frame(host, kind, title) {
  const root = el("div", { class: "mm-live", "data-widget": kind });
  if (title) root.append(el("div", { style: "font-weight:600", text: title }));
  host.append(root);
  return root;
}
function errorLine(out = "error") {
  const line = el("div", { class: "mm-error", role: "alert", "data-out": out });
  line.show = (message) => {
    line.textContent = message ? "\u26A0 " + message : "";
  };
  return line;
}
function optionSlider(label, options, value, onChange, name) {
  const nearest = (v) => Math.max(0, options.reduce((best, x, i) => x <= v ? i : best, 0));
  const input = el("input", {
    type: "range",
    min: 0,
    max: options.length - 1,
    step: 1,
    value: nearest(value),
    "aria-label": label,
    "data-control": name
  });
  const shown = el("span", { class: "mm-value", text: String(value) });
  input.addEventListener("input", () => {
    const v = options[Number(input.value)];
    shown.textContent = String(v);
    onChange(v);
  });
  const set = (v) => {
    input.value = nearest(v);
    shown.textContent = String(v);
  };
  return { row: el("div", { class: "mm-row" }, [el("label", { text: label }), input, shown]), input, set };
}
function heatmapCanvas(cell = 16) {
  const pad = 16;
  const canvas = el("canvas", { role: "img", class: "mm-heatmap" });
  let labels = [...CHARS];
  canvas.matrix = null;
  canvas.draw = (M, vmax, label, itos = CHARS, outline = null) => {
    labels = [...itos];
    canvas.matrix = M;
    const V = labels.length, size = pad + V * cell, dpr = Math.max(1, Math.round(globalThis.devicePixelRatio || 1));
    if (canvas.width !== size * dpr) {
      canvas.width = canvas.height = size * dpr;
      canvas.style.width = canvas.style.height = `${size}px`;
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, size, size);
    ctx.fillStyle = "#222";
    ctx.font = "12px ui-monospace, monospace";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (let i = 0; i < V; i++) {
      ctx.fillText(labels[i], pad + i * cell + cell / 2, pad / 2);
      ctx.fillText(labels[i], pad / 2, pad + i * cell + cell / 2);
    }
    for (let i = 0; i < V; i++)
      for (let j = 0; j < V; j++) {
        ctx.fillStyle = blues(vmax > 0 ? M[i][j] / vmax : 0);
        ctx.fillRect(pad + j * cell, pad + i * cell, cell, cell);
      }
    const at = outline ? [labels.indexOf(outline[0]), labels.indexOf(outline[1])] : [-1, -1];
    if (at[0] >= 0 && at[1] >= 0) {
      const [x, y] = [pad + at[1] * cell, pad + at[0] * cell];
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#d1495b";
      ctx.strokeRect(x - 1.5, y - 1.5, cell + 3, cell + 3);
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#fff";
      ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
    }
    canvas.setAttribute("aria-label", label + (at[0] >= 0 && at[1] >= 0 ? `; the cell of ${outline} is outlined` : ""));
  };
  canvas.cellAt = (event) => {
    const r = canvas.getBoundingClientRect(), V = labels.length, size = pad + V * cell;
    const j = Math.floor(((event.clientX - r.left) * size / r.width - pad) / cell);
    const i = Math.floor(((event.clientY - r.top) * size / r.height - pad) / cell);
    return i >= 0 && i < V && j >= 0 && j < V ? labels[i] + labels[j] : null;
  };
  return canvas;
}
function heatmapBox(canvas, label, caption) {
  return el("figure", { class: "mm-heat" }, [
    el("div", { class: "mm-scroll", tabindex: 0, role: "region", "aria-label": label }, [canvas]),
    el("figcaption", { class: "mm-note", text: caption })
  ]);
}
function chartSvg({ x, y, series = [], lines = [], marks = [], dots = [], label, width = 560, height = 230 }) {
  const [left, right, top, bottom] = [48, 14, 12, 34];
  const fx = (v) => x.log ? Math.log10(v) : v;
  const px = (v) => left + (width - left - right) * (fx(v) - fx(x.min)) / (fx(x.max) - fx(x.min));
  const plotH = height - top - bottom, band = y.top ? 0.18 * plotH : 0;
  const py = (v) => {
    if (y.top && v > y.max) {
      const t = Math.min(1, Math.log(v / y.max) / Math.log(y.top / y.max));
      return top + band * (1 - t);
    }
    return top + band + (plotH - band) * (y.max - Math.max(v, y.min)) / (y.max - y.min);
  };
  const f = (v) => v.toFixed(1);
  const esc = (t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="mm-chart" role="img" aria-label="${esc(label)}"
    viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="max-width:100%;height:auto;font:12px system-ui,sans-serif">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>`
  ];
  for (const t of y.ticks) out.push(
    `<line data-tick="${t}" x1="${left}" x2="${width - right}" y1="${f(py(t))}" y2="${f(py(t))}" stroke="#e4e4e4"/>`,
    `<text x="${left - 4}" y="${f(py(t) + 4)}" text-anchor="end" fill="#333">${t}</text>`
  );
  if (y.top) out.push(
    `<line x1="${left}" x2="${width - right}" y1="${f(top + band)}" y2="${f(top + band)}" stroke="#999" stroke-dasharray="2 3"/>`,
    `<text x="${left - 4}" y="${f(top + 8)}" text-anchor="end" fill="#333">${y.top}</text>`,
    `<text x="${left + 4}" y="${f(top + 10)}" fill="#666">above ${y.max}: log scale</text>`
  );
  for (const t of x.ticks) out.push(
    `<line x1="${f(px(t))}" x2="${f(px(t))}" y1="${height - bottom}" y2="${height - bottom + 4}" stroke="#888"/>`,
    `<text x="${f(px(t))}" y="${height - bottom + 16}" text-anchor="middle" fill="#333">${t}</text>`
  );
  out.push(
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#888"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#888"/>`,
    `<text x="${(left + width - right) / 2}" y="${height - 4}" text-anchor="middle" fill="#333">${esc(x.label)}</text>`,
    `<text transform="translate(12 ${top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#333">${esc(y.label)}</text>`
  );
  for (const m of marks) out.push(
    `<line x1="${f(px(m.x))}" x2="${f(px(m.x))}" y1="${top}" y2="${height - bottom}" stroke="#555" stroke-width="1.5"/>`,
    `<text x="${f(px(m.x) + 4)}" y="${top + 12}" fill="#222"${px(m.x) > width * 0.7 ? ' text-anchor="end" dx="-8"' : ""}>${esc(m.label)}</text>`
  );
  for (const l of lines) out.push(
    `<line data-line="${esc(l.label)}" x1="${left}" x2="${width - right}" y1="${f(py(l.y))}" y2="${f(py(l.y))}" stroke="${l.colour}" stroke-width="1.5" stroke-dasharray="${l.dash || "6 4"}"/>`,
    `<line x1="${width - right - 186}" x2="${width - right - 162}" y1="${f(top + band + 16)}" y2="${f(top + band + 16)}" stroke="${l.colour}" stroke-width="1.5" stroke-dasharray="${l.dash || "6 4"}"/>`,
    `<text x="${width - right - 156}" y="${f(top + band + 20)}" fill="${l.colour}">${esc(l.label)}</text>`
  );
  for (const s of series) {
    const pts = s.points.filter(([, v]) => Number.isFinite(v));
    if (!pts.length) continue;
    out.push(`<polyline points="${pts.map(([a, b]) => `${f(px(a))},${f(py(b))}`).join(" ")}" fill="none" stroke="${s.colour}" stroke-width="${s.width || 2}" opacity="${s.opacity ?? 1}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
    if (s.label) {
      const [a, b] = pts[pts.length - 1];
      out.push(`<text x="${f(px(a) - 2)}" y="${f(py(b) + (s.below ? 14 : -5))}" text-anchor="end" fill="${s.text || s.colour}">${esc(s.label)}</text>`);
    }
  }
  for (const d of dots) out.push(
    `<circle cx="${f(px(d.x))}" cy="${f(py(d.y))}" r="4.5" fill="${d.colour}" stroke="#000"/>`,
    `<text x="${f(px(d.x))}" y="${f(py(d.y) - 10)}" text-anchor="middle" fill="#222">${esc(d.label)}</text>`
  );
  return out.join("") + "</svg>";
}
function trackWidth(box, redraw, max = 600, min = 300) {
  let width = max;
  if (globalThis.ResizeObserver) new ResizeObserver(([entry]) => {
    const w = Math.max(min, Math.min(max, Math.round(entry.contentRect.width)));
    if (entry.contentRect.width && w !== width) {
      width = w;
      redraw();
    }
  }).observe(box);
  return () => width;
}
function niceTicks(lo, hi, n = 5) {
  const raw = (hi - lo) / n, mag = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((x) => x >= raw) || 10 * mag;
  const a = Math.floor(lo / step), b = Math.ceil(hi / step);
  const ticks = Array.from({ length: b - a + 1 }, (_, i) => Number(((a + i) * step).toPrecision(6)));
  return { min: ticks[0], max: ticks[ticks.length - 1], ticks };
}
function chips(names) {
  return names.map((n) => el("code", n ? { class: "mm-chip", text: n } : { class: "mm-chip", title: "an empty name: the end token came first" }));
}
function fmtLoss(x) {
  return Number.isFinite(x) ? x.toFixed(4) : "\u221E";
}
function timed(root, update, error) {
  return (...args) => {
    const start = performance.now();
    try {
      update(...args);
    } catch (err) {
      if (!error) throw err;
      error.show(err.message);
    }
    root.dataset.updateMs = (performance.now() - start).toFixed(2);
  };
}
var NATIVE_PASTE = { chars: 1e4, lines: 1e3 };
function guardPaste(box, tooBig, error, redo) {
  let refused = false;
  const take = (event, text, start, end) => {
    const result = box.value.slice(0, start) + text + box.value.slice(end);
    const message = tooBig(box.tagName === "INPUT" ? result.replace(/[\r\n]/g, "") : result);
    if (!message && text.length <= NATIVE_PASTE.chars && text.split("\n").length <= NATIVE_PASTE.lines) return;
    event.preventDefault();
    if (message) {
      refused = true;
      error.show(message);
      return;
    }
    box.setRangeText(text, start, end, "end");
    box.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
  };
  box.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text/plain");
    if (typeof text === "string") take(event, text, box.selectionStart, box.selectionEnd);
  });
  box.addEventListener("drop", (event) => {
    const text = event.dataTransfer?.getData("text/plain");
    if (typeof text === "string" && tooBig(box.value + text)) take(event, text, box.value.length, box.value.length);
  });
  box.addEventListener("input", () => {
    if (refused) {
      refused = false;
      redo();
    }
  });
}
function follow(box, value) {
  if (box.value !== value) box.value = value;
}

// makemore_lib/js/src/widgets/smoothing.js
var KS = Array.from({ length: 51 }, (_, i) => 10 ** (-3 + i / 10));
var TRAIN = "#2b6cb0";
var DEV = "#c05621";
function render({ model, el: host }) {
  const root = frame(host, "smoothing", "Smoothing: add k to every count");
  const counts = model.get("counts");
  const vmax = Math.max(...bigramProbs(counts, 0).flat());
  const dev = model.get("dev_counts");
  const kSlider = optionSlider(
    "k (fake counts)",
    model.get("k_options"),
    model.get("k"),
    (v) => {
      model.set("k", v);
      model.save_changes();
    },
    "k"
  );
  const bigramBox = el("input", {
    type: "text",
    value: model.get("bigram"),
    maxlength: 4,
    "aria-label": "bigram",
    "data-control": "bigram",
    style: "width:4em"
  });
  bigramBox.addEventListener("input", () => {
    model.set("bigram", bigramBox.value);
    model.save_changes();
  });
  const pOut = el("b", { "data-out": "p" });
  const pLabel = el("span");
  const loss = el("b", { "data-out": "loss" });
  const wordBox = el("input", {
    type: "text",
    value: model.get("word"),
    "aria-label": "a name to score",
    "data-control": "word",
    placeholder: "a name to score, a-z"
  });
  wordBox.addEventListener("input", () => {
    model.set("word", wordBox.value);
    model.save_changes();
  });
  const probe = el("b", { "data-out": "probe" });
  const error = errorLine();
  const devLoss = el("b", { "data-out": "dev" });
  const best = el("span", { "data-out": "best" });
  const chart = el("div", { "data-out": "chart" });
  const canvas = heatmapCanvas(16);
  canvas.title = "click a cell to choose its bigram";
  canvas.addEventListener("click", (e) => {
    const b = canvas.cellAt(e);
    if (b) {
      bigramBox.value = b;
      model.set("bigram", b);
      model.save_changes();
    }
  });
  const names = el("div", { "data-out": "names" });
  const namesLabel = el("span");
  root.append(kSlider.row);
  if (dev.length) root.append(chart);
  root.append(el("div", { class: "mm-row" }, [el("label", { text: dev.length ? "training loss" : "dataset loss" }), loss]));
  if (dev.length) root.append(el("div", { class: "mm-row" }, [el("label", { text: "dev loss" }), devLoss, best]));
  root.append(
    el("div", { class: "mm-row" }, [el("label", { text: "bigram" }), bigramBox, pLabel, pOut]),
    el("div", { class: "mm-row" }, [el("label", { text: "loss of the name" }), wordBox, probe]),
    error,
    heatmapBox(
      canvas,
      "the heatmap of P (scrolls sideways)",
      "P: row = first character, column = the next one; darker = more likely. The outlined cell is the bigram; click a cell to choose another."
    ),
    el("div", {}, [namesLabel, names])
  );
  const curves = dev.length ? smoothingCurves(counts, dev, KS) : null;
  const low = curves ? curves.dev.indexOf(Math.min(...curves.dev)) : -1;
  const y = curves ? niceTicks(Math.min(...curves.train, ...curves.dev), Math.max(...curves.train, ...curves.dev), 4) : null;
  if (curves) best.textContent = `lowest on the chart at k \u2248 ${Number(KS[low].toPrecision(1))} (${fmtLoss(curves.dev[low])})`;
  let last = null;
  const chartWidth = trackWidth(chart, () => {
    if (last) drawChart(...last);
  });
  function drawChart(k, devAtK) {
    last = [k, devAtK];
    const where = k < KS[0] ? { x: KS[0], label: `k = ${k}` } : k > KS[KS.length - 1] ? { x: KS[KS.length - 1], label: `k = ${k} \u2192` } : { x: k, label: `k = ${k}` };
    const width = chartWidth();
    chart.innerHTML = chartSvg({
      x: { min: KS[0], max: KS[KS.length - 1], log: true, label: "fake count k (log scale)", ticks: [1e-3, 0.01, 0.1, 1, 10, 100] },
      y: { ...y, label: "average NLL" },
      width,
      series: [
        { points: KS.map((v, i) => [v, curves.train[i]]), colour: TRAIN, label: "training names", below: true },
        { points: KS.map((v, i) => [v, curves.dev[i]]), colour: DEV, text: "#9c4221", label: "dev names" }
      ],
      marks: [where],
      dots: [{ x: KS[low], y: curves.dev[low], colour: DEV, label: `lowest dev loss, k \u2248 ${Number(KS[low].toPrecision(1))}` }],
      label: `training and dev loss against k from 0.001 to 100: the dev loss is lowest at k \u2248 ${Number(KS[low].toPrecision(1))} (${fmtLoss(curves.dev[low])}); now k = ${k}, dev loss ${fmtLoss(devAtK)}`
    });
  }
  const update = timed(root, () => {
    const k = model.get("k"), b = model.get("bigram"), word = model.get("word");
    kSlider.set(k);
    follow(bigramBox, b);
    follow(wordBox, word);
    const P = bigramProbs(counts, k);
    loss.textContent = fmtLoss(countsNll(counts, P));
    if (dev.length) {
      const d = countsNll(dev, P);
      devLoss.textContent = fmtLoss(d);
      drawChart(k, d);
    }
    namesLabel.textContent = `${model.get("n")} names (seed ${model.get("seed")}): `;
    names.replaceChildren(...chips(sampleNames(P, model.get("seed"), model.get("n"))));
    const err = bigramError(b) ?? nameError(word);
    error.show(err);
    const bigramOk = !bigramError(b);
    canvas.draw(P, vmax, `P with k = ${k}, as a 27 by 27 heatmap`, CHARS, bigramOk ? b : null);
    pLabel.textContent = bigramOk ? `P(${b[1]} after ${b[0]}) =` : "";
    pOut.textContent = bigramOk ? P[CHARS.indexOf(b[0])][CHARS.indexOf(b[1])].toFixed(4) : "";
    probe.textContent = err ? "" : fmtLoss(nameNll(word, P));
  }, error);
  guardPaste(bigramBox, (text) => charCount(text) > 4 ? bigramError(text) : null, error, update);
  guardPaste(wordBox, nameTooLong, error, update);
  for (const name of ["k", "bigram", "word", "seed", "n"]) model.on(`change:${name}`, update);
  update();
}
var smoothing_default = { render };
export {
  smoothing_default as default
};
