// makemore_lib/js/src/limits.js
var CHARS = ".abcdefghijklmnopqrstuvwxyz";
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
function seedError(text, max) {
  if (!/^\s*-?\d+\s*$/.test(text)) return format(MESSAGES.seed_text, { shown: pyRepr(shorten(head(text))) });
  const digits = text.trim().replace(/^-/, "").replace(/^0+(?=\d)/, "");
  if (digits.length > 30) return `seed must be between 0 and ${groupDigits(max)}, not an int of ${digits.length} digits`;
  const value = BigInt(text.trim());
  return value >= 0n && value <= BigInt(max) ? null : `seed must be between 0 and ${groupDigits(max)}, not ${groupDigits(value)}`;
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
function uniformProbs(size = CHARS.length) {
  return Array.from({ length: size }, () => new Array(size).fill(f32(1 / size)));
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
function sampleDraws(probs, seed, skip, count, itos = CHARS) {
  const chars = [...itos];
  const next = mt19937(seed);
  for (let i = 0; i < skip; i++) drawName(probs, next, chars, null);
  const names = [], draws = [];
  for (let i = 0; i < count; i++) names.push(drawName(probs, next, chars, draws));
  return { names, draws };
}

// makemore_lib/js/src/ui.js
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
function intSlider(label, min, max, value, onChange, name) {
  const input = el("input", { type: "range", min, max, step: 1, value, "aria-label": label, "data-control": name });
  const shown = el("span", { class: "mm-value", text: String(value) });
  input.addEventListener("input", () => {
    shown.textContent = input.value;
    onChange(Number(input.value));
  });
  const set = (v) => {
    input.value = v;
    shown.textContent = String(v);
  };
  return { row: el("div", { class: "mm-row" }, [el("label", { text: label }), input, shown]), input, set };
}
function chips(names) {
  return names.map((n) => el("code", n ? { class: "mm-chip", text: n } : { class: "mm-chip", title: "an empty name: the end token came first" }));
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

// makemore_lib/js/src/widgets/sampling.js
var SVG = "http://www.w3.org/2000/svg";
var shownChar = (ch) => `'${ch}'`;
function svg(tag, attrs = {}, text = "") {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}
function barChart(values, chosen, title, label, room) {
  const left = 8, top = 22, height = 80, bottom = 18;
  const slot = Math.max(12, Math.min(17, Math.floor((room - 16) / values.length)));
  const width = left + slot * values.length + 8;
  const max = Math.max(...values.filter(Number.isFinite), 0) || 1;
  const chart = svg("svg", {
    width,
    height: top + height + bottom,
    viewBox: `0 0 ${width} ${top + height + bottom}`,
    role: "img",
    "aria-label": label,
    style: "background:#fff;font:12px system-ui,sans-serif;fill:#333"
  });
  chart.append(svg("text", { x: left, y: 14 }, title));
  values.forEach((v, j) => {
    const h = Number.isFinite(v) ? height * v / max : height;
    const x = left + j * slot;
    chart.append(svg("rect", {
      x: x + 2,
      y: top + height - h,
      width: slot - 4,
      height: Math.max(h, v > 0 ? 1 : 0),
      fill: j === chosen ? "#dd6b20" : "#2b6cb0"
    }));
    chart.append(svg("text", {
      x: x + slot / 2,
      y: top + height + 13,
      "text-anchor": "middle",
      "font-family": "ui-monospace,monospace",
      "font-weight": j === chosen ? "700" : "400"
    }, CHARS[j]));
  });
  chart.append(svg("line", { x1: left, x2: width - 8, y1: top + height + 0.5, y2: top + height + 0.5, stroke: "#888" }));
  return chart;
}
var fmt = (x) => x >= 1e3 ? x.toFixed(0) : x >= 1 ? x.toFixed(3) : x.toPrecision(4);
function render({ model, el: host }) {
  const root = frame(host, "sampling", "Sampling names from a bigram model");
  const counts = model.get("counts");
  const [k] = model.get("k"), [maxSeed] = model.get("max_seed");
  const tables = { counts: bigramProbs(counts, 0), "smoothed counts": bigramProbs(counts, k), uniform: uniformProbs() };
  const seedBox = el("input", {
    type: "text",
    value: String(model.get("seed")),
    "aria-label": "seed",
    "data-control": "seed",
    inputmode: "numeric"
  });
  const error = errorLine();
  seedBox.addEventListener("input", () => {
    const err = seedError(seedBox.value, maxSeed);
    error.show(err);
    names.style.opacity = err ? "0.3" : "";
    if (!err) {
      model.set({ seed: Number(seedBox.value), draws: 0, step: 0 });
      model.save_changes();
    }
  });
  guardPaste(seedBox, (text) => text.length > 1e3 ? seedError(text, maxSeed) : null, error, () => {
  });
  const nSlider = intSlider(
    "names",
    1,
    model.get("max_n")[0],
    model.get("n"),
    (v) => {
      model.set({ n: v, step: 0 });
      model.save_changes();
    },
    "n"
  );
  const select = el(
    "select",
    { "aria-label": "model", "data-control": "model" },
    model.get("models").map((value) => el("option", { value, text: value === "smoothed counts" ? `${value} (k = ${k})` : value }))
  );
  select.value = model.get("model");
  select.addEventListener("change", () => {
    model.set({ model: select.value, step: 0 });
    model.save_changes();
  });
  const button = el("button", { type: "button", "data-control": "sample", text: "sample again" });
  button.addEventListener("click", () => {
    model.set({ draws: model.get("draws") + 1, step: 0 });
    model.save_changes();
  });
  const info = el("div", { class: "mm-note", "data-out": "info" });
  const names = el("div", { "data-out": "names" });
  const nextButton = el("button", { type: "button", "data-control": "next", text: "next character" });
  const finishButton = el("button", { type: "button", "data-control": "finish", text: "finish the name" });
  const restartButton = el("button", { type: "button", "data-control": "restart", text: "start over" });
  const built = el("div", { "data-out": "built", role: "group", "aria-label": "names drawn so far, one character at a time" });
  const said = el("div", { "data-out": "draw", "aria-live": "polite" });
  const charts = el("div", { class: "mm-scroll", "data-out": "charts" });
  let batch = null, key = "";
  const stepTo = (s) => {
    model.set("step", s);
    model.save_changes();
  };
  nextButton.addEventListener("click", () => stepTo(model.get("step") + 1));
  finishButton.addEventListener("click", () => {
    let s = model.get("step");
    do
      s += 1;
    while (batch.draws[s - 1].index !== 0);
    stepTo(s);
  });
  restartButton.addEventListener("click", () => stepTo(0));
  root.append(
    el("div", { class: "mm-row" }, [el("label", { text: "seed" }), seedBox]),
    error,
    nSlider.row,
    el("div", { class: "mm-row" }, [el("label", { text: "model" }), select, button]),
    info,
    names,
    el("div", { style: "font-weight:600;margin-top:8px", text: "One character at a time" }),
    el("div", { class: "mm-row" }, [nextButton, finishButton, restartButton]),
    built,
    said,
    charts,
    el("div", { class: "mm-note", text: "torch draws one random number e for each character (an exponential one, made from a uniform number u as \u2212ln(1 \u2212 u)) and picks the highest probability / e: each character still wins as often as its probability. Chapter 2's figure draws with one uniform number instead; the appendix on versions compares the two." })
  );
  const update = timed(root, () => {
    const seed = model.get("seed"), n = model.get("n"), draws = model.get("draws"), probsName = model.get("model");
    if (seedBox.value.trim() !== String(seed)) seedBox.value = String(seed);
    error.show(null);
    names.style.opacity = "";
    nSlider.set(n);
    select.value = probsName;
    info.textContent = `seed ${seed}, batch ${draws + 1}`;
    const now = `${seed}/${n}/${draws}/${probsName}`;
    if (now !== key) {
      batch = null;
      key = now;
    }
    batch || (batch = sampleDraws(tables[probsName], seed, draws * n, n));
    names.replaceChildren(...chips(batch.names));
    const P = tables[probsName], step = model.get("step"), total = batch.draws.length;
    if (step > total) {
      error.show(format(MESSAGES.step, { max: groupDigits(total), step: groupDigits(step) }));
      built.replaceChildren();
      said.textContent = "";
      charts.replaceChildren();
      return;
    }
    const drawn = batch.draws.slice(0, step);
    const text = drawn.map((d) => CHARS[d.index]).join("").split(".");
    if (text[text.length - 1] === "") text.pop();
    built.replaceChildren(...chips(step ? text : []));
    nextButton.disabled = finishButton.disabled = step === total;
    restartButton.disabled = step === 0;
    const done = drawn.filter((d) => d.index === 0).length;
    if (step === 0) {
      said.textContent = `Press "next character" to draw the first character of name 1 from row '.', the probabilities of the first character.`;
      charts.replaceChildren(barChart(
        P[0],
        -1,
        "row '.' of P: the probability of each first character",
        "the probabilities of row '.'",
        charts.clientWidth
      ));
      return;
    }
    const last = drawn[step - 1], row = CHARS[last.row], ch = CHARS[last.index];
    const p = P[last.row][last.index], score = last.scores[last.index];
    const second = last.scores.reduce((b, x, j) => j !== last.index && x > last.scores[b] ? j : b, last.index === 0 ? 1 : 0);
    const which = `name ${done + (last.index === 0 ? 0 : 1)} of ${n}`;
    said.textContent = `${which}: from row ${shownChar(row)}, torch chose ${shownChar(ch)} (probability ${p.toFixed(4)}). Each character's score is its probability divided by a random number e; ${shownChar(ch)} scored ${fmt(score)}, the highest (next: ${shownChar(CHARS[second])}, ${fmt(last.scores[second])}).` + (last.index === 0 ? step === total ? " The end token: all the names of this batch are drawn." : " The end token: the name is finished." : "");
    said.dataset.chosen = ch;
    charts.replaceChildren(
      barChart(
        P[last.row],
        last.index,
        `row ${shownChar(row)} of P: the probability of each next character`,
        `the probabilities of row ${shownChar(row)}, ${shownChar(ch)} chosen`,
        charts.clientWidth
      ),
      barChart(
        last.scores,
        last.index,
        "this draw: probability / e, for each character",
        `torch's scores for this draw, ${shownChar(ch)} the highest`,
        charts.clientWidth
      )
    );
  }, error);
  for (const name of ["seed", "n", "model", "draws", "step"]) model.on(`change:${name}`, update);
  update();
}
var sampling_default = { render };
export {
  sampling_default as default
};
