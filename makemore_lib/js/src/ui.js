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
// character) and the left (the first one). Cells of `cell` CSS pixels (16: legible on a desktop), labels 12 px;
// the canvas keeps its size and scrolls inside its box (heatmapBox) on a phone. draw(..., outline) draws a frame
// around the cell of one bigram ("em": row e, column m), the bigram under discussion.
export function heatmapCanvas(cell = 16) {
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

// A heatmap's box: it scrolls sideways (keyboard too: it takes the focus) when the page is narrower than the map.
export function heatmapBox(canvas, label, caption) {
  return el("figure", { class: "mm-heat" }, [
    el("div", { class: "mm-scroll", tabindex: 0, role: "region", "aria-label": label }, [canvas]),
    el("figcaption", { class: "mm-note", text: caption })]);
}

// A line chart as SVG text. x: {min, max, log, label, ticks}; y: {min, max, label, ticks, top} where y.top, if
// given, is a second, logarithmic band above y.max up to y.top (the top 18% of the plot), so a fixed axis holds
// rare large values without flattening the usual ones. series: {points: [[x, y]], colour, width, opacity, dash,
// label (written at the last point, above it or `below`)}; lines: {y, colour, dash, label} across the plot (their
// label in a key at the top right); marks: {x, label} down it;
// dots: {x, y, colour, label}.
export function chartSvg({ x, y, series = [], lines = [], marks = [], dots = [], label, width = 560, height = 230 }) {
  const [left, right, top, bottom] = [48, 14, 12, 34];
  const fx = (v) => (x.log ? Math.log10(v) : v);
  const px = (v) => left + ((width - left - right) * (fx(v) - fx(x.min))) / (fx(x.max) - fx(x.min));
  const plotH = height - top - bottom, band = y.top ? 0.18 * plotH : 0;
  const py = (v) => {
    if (y.top && v > y.max) {
      const t = Math.min(1, Math.log(v / y.max) / Math.log(y.top / y.max));
      return top + band * (1 - t);
    }
    return top + band + ((plotH - band) * (y.max - Math.max(v, y.min))) / (y.max - y.min);
  };
  const f = (v) => v.toFixed(1);
  const esc = (t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" class="mm-chart" role="img" aria-label="${esc(label)}"
    viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="max-width:100%;height:auto;font:12px system-ui,sans-serif">`,
  `<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>`];
  for (const t of y.ticks) out.push(`<line data-tick="${t}" x1="${left}" x2="${width - right}" y1="${f(py(t))}" y2="${f(py(t))}" stroke="#e4e4e4"/>`,
    `<text x="${left - 4}" y="${f(py(t) + 4)}" text-anchor="end" fill="#333">${t}</text>`);
  if (y.top) out.push(`<line x1="${left}" x2="${width - right}" y1="${f(top + band)}" y2="${f(top + band)}" stroke="#999" stroke-dasharray="2 3"/>`,
    `<text x="${left - 4}" y="${f(top + 8)}" text-anchor="end" fill="#333">${y.top}</text>`,
    `<text x="${left + 4}" y="${f(top + 10)}" fill="#666">above ${y.max}: log scale</text>`);
  for (const t of x.ticks) out.push(`<line x1="${f(px(t))}" x2="${f(px(t))}" y1="${height - bottom}" y2="${height - bottom + 4}" stroke="#888"/>`,
    `<text x="${f(px(t))}" y="${height - bottom + 16}" text-anchor="middle" fill="#333">${t}</text>`);
  out.push(`<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#888"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#888"/>`,
    `<text x="${(left + width - right) / 2}" y="${height - 4}" text-anchor="middle" fill="#333">${esc(x.label)}</text>`,
    `<text transform="translate(12 ${top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#333">${esc(y.label)}</text>`);
  for (const m of marks) out.push(`<line x1="${f(px(m.x))}" x2="${f(px(m.x))}" y1="${top}" y2="${height - bottom}" stroke="#555" stroke-width="1.5"/>`,
    `<text x="${f(px(m.x) + 4)}" y="${top + 12}" fill="#222"${px(m.x) > width * 0.7 ? ' text-anchor="end" dx="-8"' : ""}>${esc(m.label)}</text>`);
  for (const l of lines) out.push(`<line data-line="${esc(l.label)}" x1="${left}" x2="${width - right}" y1="${f(py(l.y))}" y2="${f(py(l.y))}" stroke="${l.colour}" stroke-width="1.5" stroke-dasharray="${l.dash || "6 4"}"/>`,
    `<line x1="${width - right - 186}" x2="${width - right - 162}" y1="${f(top + band + 16)}" y2="${f(top + band + 16)}" stroke="${l.colour}" stroke-width="1.5" stroke-dasharray="${l.dash || "6 4"}"/>`,
    `<text x="${width - right - 156}" y="${f(top + band + 20)}" fill="${l.colour}">${esc(l.label)}</text>`);
  for (const s of series) {
    const pts = s.points.filter(([, v]) => Number.isFinite(v));
    if (!pts.length) continue;
    out.push(`<polyline points="${pts.map(([a, b]) => `${f(px(a))},${f(py(b))}`).join(" ")}" fill="none" stroke="${s.colour}"` +
      ` stroke-width="${s.width || 2}" opacity="${s.opacity ?? 1}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
    if (s.label) {
      const [a, b] = pts[pts.length - 1];
      out.push(`<text x="${f(px(a) - 2)}" y="${f(py(b) + (s.below ? 14 : -5))}" text-anchor="end" fill="${s.text || s.colour}">${esc(s.label)}</text>`);
    }
  }
  for (const d of dots) out.push(`<circle cx="${f(px(d.x))}" cy="${f(py(d.y))}" r="4.5" fill="${d.colour}" stroke="#000"/>`,
    `<text x="${f(px(d.x))}" y="${f(py(d.y) - 10)}" text-anchor="middle" fill="#222">${esc(d.label)}</text>`);
  return out.join("") + "</svg>";
}

// The width a chart gets from its box (between min and max), followed by a ResizeObserver that calls `redraw` when
// it changes: reading clientWidth in every update would force the browser to lay out the page again each time.
export function trackWidth(box, redraw, max = 600, min = 300) {
  let width = max;
  if (globalThis.ResizeObserver) new ResizeObserver(([entry]) => {
    const w = Math.max(min, Math.min(max, Math.round(entry.contentRect.width)));
    if (entry.contentRect.width && w !== width) { width = w; redraw(); }
  }).observe(box);
  return () => width;
}

// Round ticks from lo to hi, about `n` of them: [lo, hi] widened to whole ticks, and the ticks.
export function niceTicks(lo, hi, n = 5) {
  const raw = (hi - lo) / n, mag = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((x) => x >= raw) || 10 * mag;
  const a = Math.floor(lo / step), b = Math.ceil(hi / step);
  const ticks = Array.from({ length: b - a + 1 }, (_, i) => Number(((a + i) * step).toPrecision(6)));
  return { min: ticks[0], max: ticks[ticks.length - 1], ticks };
}

// The runs a training chart keeps: `run` ({lr, steps, l2, losses}) first, then up to `max` - 1 earlier ones, a run
// with the same settings only once.
export function keepRun(kept, run, max = 5) {
  const same = (a) => a.lr === run.lr && a.steps === run.steps && a.l2 === run.l2;
  return [run, ...kept.filter((a) => !same(a))].slice(0, max);
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

// The most the browser's own paste is left with: 3,333 lines took it up to 165 ms here, 1,000 lines 57 ms.
const NATIVE_PASTE = { chars: 10000, lines: 1000 };

// A text box that a paste cannot freeze. The browser's own paste of a long text into a box (a few thousand lines
// above all) blocks the page for longer than any widget's computing, so the box takes pastes and drops itself:
// a result that `tooBig(text)` refuses (a size limit broken, checked in one cheap pass) never enters the box,
// its message is shown and the box and the model keep what they had. A short text is left to the browser's
// own paste, which Ctrl+Z undoes; a long one is put in with setRangeText and an "input" event, as if typed.
// `redo` (the widget's update) clears a refusal's message at the next edit.
export function guardPaste(box, tooBig, error, redo) {
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
    if (refused) { refused = false; redo(); }
  });
}

// Keep a text box in step with its trait, without moving the reader's cursor while they type.
export function follow(box, value) {
  if (box.value !== value) box.value = value;
}
