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
function heatmapCanvas(cell = 10) {
  const pad = 12;
  const canvas = el("canvas", { width: pad + 27 * cell, height: pad + 27 * cell, role: "img" });
  let labels = [...CHARS];
  canvas.draw = (M, vmax, label, itos = CHARS) => {
    labels = [...itos];
    const V = labels.length, size = pad + V * cell;
    if (canvas.width !== size) {
      canvas.width = size;
      canvas.height = size;
    }
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, size, size);
    ctx.fillStyle = "#333";
    ctx.font = "9px monospace";
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
    canvas.setAttribute("aria-label", label);
  };
  canvas.cellAt = (event) => {
    const r = canvas.getBoundingClientRect(), V = labels.length;
    const j = Math.floor(((event.clientX - r.left) * canvas.width / r.width - pad) / cell);
    const i = Math.floor(((event.clientY - r.top) * canvas.height / r.height - pad) / cell);
    return i >= 0 && i < V && j >= 0 && j < V ? labels[i] + labels[j] : null;
  };
  return canvas;
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
function guardPaste(box, tooBig, error, redo) {
  let refused = false;
  const take = (event, text, start, end) => {
    event.preventDefault();
    const result = box.value.slice(0, start) + text + box.value.slice(end);
    const message = tooBig(box.tagName === "INPUT" ? result.replace(/[\r\n]/g, "") : result);
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
var SEED_NOTE = "The names are the ones torch.multinomial draws with torch.Generator().manual_seed(seed) in the lecture's loop: the page draws them itself, with the same generator (mt19937) and arithmetic.";

// makemore_lib/js/src/widgets/smoothing.js
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
  const canvas = heatmapCanvas(10);
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
  root.append(
    kSlider.row,
    el("div", { class: "mm-row" }, [el("label", { text: "bigram" }), bigramBox, pLabel, pOut]),
    el("div", { class: "mm-row" }, [el("label", { text: "dataset loss" }), loss]),
    el("div", { class: "mm-row" }, [el("label", { text: "loss of the name" }), wordBox, probe]),
    error
  );
  if (dev.length) root.append(el("div", { class: "mm-row" }, [el("label", { text: "dev loss" }), devLoss]));
  root.append(
    el("div", { class: "mm-row" }, [canvas, el("span", {
      class: "mm-note",
      text: "P: row = first character, column = the next one; darker = more likely. Click a cell."
    })]),
    el("div", {}, [namesLabel, names]),
    el("div", { class: "mm-note", text: SEED_NOTE })
  );
  const update = timed(root, () => {
    const k = model.get("k"), b = model.get("bigram"), word = model.get("word");
    kSlider.set(k);
    follow(bigramBox, b);
    follow(wordBox, word);
    const P = bigramProbs(counts, k);
    loss.textContent = fmtLoss(countsNll(counts, P));
    if (dev.length) devLoss.textContent = fmtLoss(countsNll(dev, P));
    canvas.draw(P, vmax, `P with k = ${k}, as a 27 by 27 heatmap`);
    namesLabel.textContent = `${model.get("n")} names (seed ${model.get("seed")}): `;
    names.replaceChildren(...chips(sampleNames(P, model.get("seed"), model.get("n"))));
    const err = bigramError(b) ?? nameError(word);
    error.show(err);
    const bigramOk = !bigramError(b);
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
