// What the widgets' pages share besides the maths: elements, sliders, the heatmap, the loss curve, messages.

import { CHARS } from "./maths.js";

// matplotlib's Blues at 9 evenly spaced points (plots.colours uses the same map).
const BLUES = [[247, 251, 255], [221, 234, 246], [197, 218, 238], [157, 201, 224], [106, 173, 213],
  [65, 145, 197], [32, 112, 180], [8, 80, 154], [8, 48, 107]];

function blues(x) {
  const t = Math.min(Math.max(x, 0), 1) * (BLUES.length - 1);
  const i = Math.min(Math.floor(t), BLUES.length - 2), f = t - i;
  const c = BLUES[i].map((v, n) => Math.round(v + f * (BLUES[i + 1][n] - v)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// The widget's box in the page (data-widget names it for tests and for the site's host); its look is the
// widget's _css, js/src/live.css.
export function frame(host, kind, title) {
  const root = el("div", { class: "mm-live", "data-widget": kind });
  if (title) root.append(el("div", { style: "font-weight:600", text: title }));
  host.append(root);
  return root;
}

// The message line: `message` (or nothing), with the warning sign.
export function errorLine(out = "error") {
  const line = el("div", { class: "mm-error", role: "alert", "data-out": out });
  line.show = (message) => { line.textContent = message ? "⚠ " + message : ""; };
  return line;
}

// A slider over a list of values (a log-like scale with 0 included, for instance). A value set from Python that
// is not an option is shown as it is, with the slider at the nearest option below it.
export function optionSlider(label, options, value, onChange, name) {
  const nearest = (v) => Math.max(0, options.reduce((best, x, i) => (x <= v ? i : best), 0));
  const input = el("input", { type: "range", min: 0, max: options.length - 1, step: 1, value: nearest(value),
    "aria-label": label, "data-control": name });
  const shown = el("span", { class: "mm-value", text: String(value) });
  input.addEventListener("input", () => {
    const v = options[Number(input.value)];
    shown.textContent = String(v);
    onChange(v);
  });
  const set = (v) => { input.value = nearest(v); shown.textContent = String(v); };
  return { row: el("div", { class: "mm-row" }, [el("label", { text: label }), input, shown]), input, set };
}

export function intSlider(label, min, max, value, onChange, name) {
  const input = el("input", { type: "range", min, max, step: 1, value, "aria-label": label, "data-control": name });
  const shown = el("span", { class: "mm-value", text: String(value) });
  input.addEventListener("input", () => { shown.textContent = input.value; onChange(Number(input.value)); });
  const set = (v) => { input.value = v; shown.textContent = String(v); };
  return { row: el("div", { class: "mm-row" }, [el("label", { text: label }), input, shown]), input, set };
}

// A heatmap of a square table of numbers on a canvas (Blues, 0..vmax), its characters along the top (the next
// character) and the left (the first one).
export function heatmapCanvas(cell = 10) {
  const pad = 12;
  const canvas = el("canvas", { width: pad + 27 * cell, height: pad + 27 * cell, role: "img" });
  let labels = [...CHARS];
  canvas.draw = (M, vmax, label, itos = CHARS) => {
    labels = [...itos];
    const V = labels.length, size = pad + V * cell;
    if (canvas.width !== size) { canvas.width = size; canvas.height = size; }
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

export function lossCurveSvg(losses, width = 420, height = 150) {
  const [left, right, top, bottom] = [52, 10, 10, 26];
  const finite = losses.filter(Number.isFinite);
  const low = Math.min(...finite), high = Math.max(...finite), span = high - low || 1;
  const n = Math.max(losses.length - 1, 1);
  const pts = losses.map((v, i) =>
    `${(left + ((width - left - right) * i) / n).toFixed(1)},${(top + ((height - top - bottom) * (high - v)) / span).toFixed(1)}`).join(" ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" style="max-width:100%"
    aria-label="loss curve from ${losses[0].toFixed(3)} to ${losses[losses.length - 1].toFixed(3)} over ${losses.length - 1} steps"
    viewBox="0 0 ${width} ${height}" style="background:#fff;font:11px sans-serif;fill:#333">
    <line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#888"/>
    <line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#888"/>
    <text x="${left - 4}" y="${top + 4}" text-anchor="end">${high.toFixed(3)}</text>
    <text x="${left - 4}" y="${height - bottom}" text-anchor="end">${low.toFixed(3)}</text>
    <text x="${left}" y="${height - 8}">step 0</text>
    <text x="${width - right}" y="${height - 8}" text-anchor="end">step ${losses.length - 1}</text>
    <polyline points="${pts}" fill="none" stroke="#2b6cb0" stroke-width="2"/></svg>`;
}

// Names as chips; an empty name (the end token drawn first) shows as "(empty)" through CSS, so the chip's text
// stays the name itself.
export function chips(names) {
  return names.map((n) => el("code", n ? { class: "mm-chip", text: n } : { class: "mm-chip", title: "an empty name: the end token came first" }));
}

export function fmtLoss(x) {
  return Number.isFinite(x) ? x.toFixed(4) : "∞";
}

// Run `update`, time it, and record the time on the root (data-update-ms) for the browser tests. What it throws
// (sampleNames on a model whose names never end) is shown on the error line, as Python puts it in `error`.
export function timed(root, update, error) {
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

// A callback that stores a control's new value in the model trait `name` (and syncs it to Python).
export function saver(model) {
  return (name) => (v) => { model.set(name, v); model.save_changes(); };
}

// A text box that a paste cannot freeze. The browser's own paste of a long text into a box (a few thousand lines
// above all) blocks the page for longer than any widget's computing, so the box takes pastes and drops itself:
// a result that `tooBig(text)` refuses (a size limit broken, checked in one cheap pass) never enters the box,
// its message is shown and the box and the model keep what they had; any other is put in with setRangeText and
// an "input" event, as if typed. `redo` (the widget's update) clears a refusal's message at the next edit.
export function guardPaste(box, tooBig, error, redo) {
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
    if (refused) { refused = false; redo(); }
  });
}

// Keep a text box in step with its trait, without moving the reader's cursor while they type.
export function follow(box, value) {
  if (box.value !== value) box.value = value;
}

export const SEED_NOTE = "The names are the ones torch.multinomial draws with torch.Generator().manual_seed(seed) " +
  "in the lecture's loop: the page draws them itself, with the same generator (mt19937) and arithmetic.";
