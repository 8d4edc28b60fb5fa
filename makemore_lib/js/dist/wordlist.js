// makemore_lib/js/src/limits.js
var CHARS = ".abcdefghijklmnopqrstuvwxyz";
var MAX_SAMPLED_NAME_LENGTH = 1e3;
var WORDLIST = { "separators": " 	\n\r\f\v,;", "also": "'-", "min_words": 2, "max_words": 5e3, "max_word_length": 100, "max_text": 1e5, "max_lines": 1e4, "max_chars": 60 };
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
function listSizeError(text) {
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
function parseWords(text) {
  const L = WORDLIST;
  if (typeof text !== "string") return { error: `words must be a str, not ${typeof text}` };
  const tooBig = listSizeError(text);
  if (tooBig) return { error: tooBig };
  const sep = new RegExp(`[${L.separators.replace(/[\\\]^-]/g, "\\$&")}]+`);
  const words = text.split(sep).filter((w) => w.length);
  if (words.length === 0) return { error: MESSAGES.list_empty };
  if (words.length < L.min_words) return { error: format(MESSAGES.list_one_word, { word: pyRepr(shorten(head(words[0]))) }) };
  if (words.length > L.max_words) return { error: format(MESSAGES.list_too_many, { count: groupDigits(words.length), max: groupDigits(L.max_words) }) };
  const seen = /* @__PURE__ */ new Set();
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
function countBigrams(words, itos = CHARS) {
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
function saver(model) {
  return (name) => (v) => {
    model.set(name, v);
    model.save_changes();
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

// makemore_lib/js/src/widgets/wordlist.js
function render({ model, el: host }) {
  const root = frame(host, "wordlist", "Your own word list");
  const set = saver(model);
  const box = el("textarea", {
    rows: 5,
    "aria-label": "your words",
    "data-control": "words",
    placeholder: "paste words: one per line, or separated by spaces or commas"
  });
  box.value = model.get("words");
  box.addEventListener("input", () => {
    model.set("words", box.value);
    model.save_changes();
  });
  const k = optionSlider("k (fake counts)", model.get("k_options"), model.get("k"), set("k"), "k");
  const error = errorLine();
  const vocab = el("div", { "data-out": "vocab" });
  const loss = el("b", { "data-out": "loss" });
  const canvas = heatmapCanvas(16);
  const names = el("div", { "data-out": "names" });
  const namesLabel = el("span");
  const results = el("div", {}, [
    vocab,
    el("div", { class: "mm-row" }, [el("label", { text: "loss (average NLL)" }), loss]),
    heatmapBox(
      canvas,
      "the heatmap of your list's bigram counts (scrolls sideways)",
      "bigram counts: row = first character, column = the next one; . starts and ends a word"
    ),
    el("div", {}, [namesLabel, names])
  ]);
  const limits = `Limits: ${WORDLIST.min_words} to ${groupDigits(WORDLIST.max_words)} words of letters (and ' or -), at most ${WORDLIST.max_word_length} letters a word, ${groupDigits(WORDLIST.max_text)} characters, ${groupDigits(WORDLIST.max_lines)} lines and ${WORDLIST.max_chars} different letters.`;
  root.append(box, el("div", { class: "mm-note", text: limits }), k.row, error, results);
  const update = timed(root, () => {
    const text = model.get("words");
    if (box.value !== text && !listSizeError(text)) box.value = text;
    k.set(model.get("k"));
    const parsed = parseWords(text);
    error.show(parsed.error);
    results.style.display = parsed.error ? "none" : "";
    names.replaceChildren();
    if (parsed.error) return;
    const counts = countBigrams(parsed.words, parsed.itos);
    const P = bigramProbs(counts, model.get("k"));
    vocab.textContent = `${parsed.words.length} words, ${parsed.itos.length} characters: ${parsed.itos.join(" ")}`;
    loss.textContent = fmtLoss(countsNll(counts, P));
    canvas.draw(counts, Math.max(...counts.flat()), `bigram counts of your list, ${parsed.itos.length} by ${parsed.itos.length}`, parsed.itos);
    namesLabel.textContent = `${model.get("n")} words sampled (seed ${model.get("seed")}): `;
    names.replaceChildren(...chips(sampleNames(P, model.get("seed"), model.get("n"), parsed.itos)));
  }, error);
  guardPaste(box, listSizeError, error, update);
  for (const name of ["words", "k", "seed", "n"]) model.on(`change:${name}`, update);
  update();
}
var wordlist_default = { render };
export {
  wordlist_default as default
};
