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
function pyG(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, exp] = x.toExponential(5).split("e");
  const e = Number(exp);
  const strip = (s) => s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  if (e < -4 || e >= 6) return `${strip(mantissa)}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  return strip(x.toFixed(Math.max(0, 5 - e)));
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
function lossAndProbs(N, W, P, total, l2, V) {
  let ll = 0, sq = 0;
  for (let i = 0; i < V; i++) {
    const o = i * V;
    let m = -Infinity;
    for (let j = 0; j < V; j++) if (W[o + j] > m) m = W[o + j];
    let s = 0;
    for (let j = 0; j < V; j++) {
      const e = Math.exp(W[o + j] - m);
      P[o + j] = e;
      s += e;
    }
    const lse = m + Math.log(s);
    for (let j = 0; j < V; j++) {
      const w = W[o + j];
      ll += N[o + j] * (w - lse);
      sq += w * w;
      P[o + j] /= s;
    }
  }
  return { data: -ll / total, penalty: l2 * sq / (V * V) };
}
function trainCounts(counts, W0, steps, lr, l2) {
  const V = counts.length;
  const N = Float64Array.from(counts.flat());
  const W = Float64Array.from(W0.flat());
  const P = new Float64Array(V * V);
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const decay = 2 * l2 / (V * V);
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
function diverged(run, limit) {
  return !(run.losses.every((x) => Number.isFinite(x) && x < limit) && run.W.every((row) => row.every(Number.isFinite)));
}
function divergenceMessage(counts, W0, steps, lr, l2, limit) {
  const blameL2 = l2 > 0 && !diverged(trainCounts(counts, W0, steps, lr, 0), limit);
  return format(blameL2 ? MESSAGES.diverged_l2 : MESSAGES.diverged_lr, { lr: pyG(lr), l2: pyG(l2) });
}
function softmaxRows(W) {
  return W.map((row) => {
    let m = -Infinity;
    for (const x of row) if (x > m) m = x;
    let s = 0;
    for (const x of row) s += Math.exp(x - m);
    const lse = m + Math.log(s);
    return row.map((x) => f32(Math.exp(x - lse)));
  });
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
function keepRun(kept, run, max = 5) {
  const same = (a) => a.lr === run.lr && a.steps === run.steps && a.l2 === run.l2;
  return [run, ...kept.filter((a) => !same(a))].slice(0, max);
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
function saver(model) {
  return (name) => (v) => {
    model.set(name, v);
    model.save_changes();
  };
}

// makemore_lib/js/src/widgets/training.js
var LINEAR_TOP = 4;
var LOG_TOP = 64;
var KEPT = 5;
function render({ model, el: host }) {
  const root = frame(host, "training", "Training the neural net by gradient descent");
  const counts = model.get("counts");
  const W0 = model.get("w0");
  const [maxSteps, limit] = model.get("limits");
  const reference = countsNll(counts, bigramProbs(counts, 0));
  const yMin = Math.floor(reference * 10 - 0.5) / 10;
  const set = saver(model);
  const lr = optionSlider("learning rate", model.get("lr_options"), model.get("lr"), set("lr"), "lr");
  const steps = intSlider("steps", 1, maxSteps, model.get("steps"), set("steps"), "steps");
  const l2 = optionSlider("L2 strength \u03BB", model.get("l2_options"), model.get("l2"), set("l2"), "l2");
  const curve = el("div", { "data-out": "chart" });
  const error = errorLine();
  const warning = errorLine("warning");
  warning.setAttribute("role", "status");
  const first = el("b", { "data-out": "first" });
  const loss = el("b", { "data-out": "loss" });
  const data = el("b", { "data-out": "data" });
  const ref = el("b", { "data-out": "reference", text: reference.toFixed(4) });
  const runs = el("div", { class: "mm-note", "data-out": "runs" });
  const reset = el("button", { type: "button", "data-control": "reset", text: "reset the chart" });
  const names = el("div", { "data-out": "names" });
  const afterLabel = el("label");
  const namesLabel = el("span");
  const results = el("div", {}, [
    el("div", { class: "mm-row" }, [el("label", { text: "loss at the start" }), first]),
    el("div", { class: "mm-row" }, [afterLabel, loss, el("span", { text: "of which data loss" }), data]),
    el("div", { class: "mm-row" }, [el("label", { text: "counting model (k = 0)" }), ref]),
    el("div", {}, [namesLabel, names])
  ]);
  root.append(
    lr.row,
    steps.row,
    l2.row,
    error,
    warning,
    curve,
    el("div", { class: "mm-row" }, [runs, reset]),
    results,
    el("div", { class: "mm-note", text: "Loss = data loss (average NLL) + \u03BB\xB7mean(W\xB2)." })
  );
  let kept = [], lastCurrent = true;
  const chartWidth = trackWidth(curve, () => draw(lastCurrent));
  function draw(current = true) {
    lastCurrent = current;
    const xMax = Math.max(...kept.map((r) => r.steps), 1);
    const width = chartWidth();
    const run = (r, n) => {
      const i = n + (current ? 0 : 1);
      return {
        points: r.losses.map((v, s) => [s, v]),
        colour: i ? "#8a9bb0" : "#2b6cb0",
        width: i ? 1.5 : 2.5,
        opacity: i ? 0.75 : 1,
        text: i ? "#4a5568" : "#1e4e8c",
        label: `lr ${r.lr}${r.l2 ? `, \u03BB ${r.l2}` : ""}`
      };
    };
    curve.innerHTML = kept.length ? chartSvg({
      x: { min: 0, max: xMax, label: "step", ticks: [0, Math.round(xMax / 2), xMax] },
      y: { min: yMin, max: LINEAR_TOP, top: LOG_TOP, label: "loss", ticks: [yMin, 3, LINEAR_TOP].filter((t, i, a) => a.indexOf(t) === i) },
      series: kept.map(run).reverse(),
      lines: [{ y: reference, colour: "#2f855a", label: `counting model ${reference.toFixed(4)}` }],
      width,
      label: `loss curves: ${kept.map((r) => `lr ${r.lr}, ${r.steps} steps, from ${r.losses[0].toFixed(3)} to ${r.losses[r.losses.length - 1].toFixed(3)}`).join("; ")}; the counting model's loss ${reference.toFixed(4)} dashed`
    }) : "";
    runs.textContent = kept.length > 1 ? "earlier runs (faint): " + kept.slice(1).map((r) => `lr ${r.lr}, ${r.steps} steps${r.l2 ? `, \u03BB ${r.l2}` : ""}: ${r.losses[r.losses.length - 1].toFixed(4)}`).join(" \xB7 ") : "Change the learning rate: this run stays on the chart, faint, to compare.";
  }
  reset.addEventListener("click", () => {
    kept = kept.slice(0, 1);
    draw();
  });
  const update = timed(root, () => {
    const [rate, n, lambda] = [model.get("lr"), model.get("steps"), model.get("l2")];
    lr.set(rate);
    steps.set(n);
    l2.set(lambda);
    const run = trainCounts(counts, W0, n, rate, lambda);
    const bad = diverged(run, limit);
    error.show(bad ? divergenceMessage(counts, W0, n, rate, lambda, limit) : null);
    const higher = !bad && run.losses[run.losses.length - 1] > run.losses[0];
    warning.show(higher ? MESSAGES.overshoot : null);
    results.style.display = bad ? "none" : "";
    names.replaceChildren();
    if (!bad) kept = keepRun(kept, { lr: rate, steps: n, l2: lambda, losses: run.losses }, KEPT);
    draw(!bad);
    if (bad) return;
    afterLabel.textContent = `loss after ${n} steps`;
    first.textContent = run.losses[0].toFixed(4);
    loss.textContent = run.losses[run.losses.length - 1].toFixed(4);
    data.textContent = run.data.toFixed(4);
    namesLabel.textContent = `five names (seed ${model.get("seed")}): `;
    names.replaceChildren(...chips(sampleNames(softmaxRows(run.W), model.get("seed"), 5)));
  }, error);
  for (const name of ["lr", "steps", "l2", "seed"]) model.on(`change:${name}`, update);
  update();
}
var training_default = { render };
export {
  training_default as default
};
