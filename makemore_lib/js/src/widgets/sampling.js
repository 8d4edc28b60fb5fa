// SamplingWidget: names from a bigram model, exactly the names torch draws for the seed, and the same names drawn
// one character at a time: the row's probabilities and the scores torch's draw compares (sampleDraws).

import { CHARS, MESSAGES, bigramProbs, format, groupDigits, sampleDraws, seedError, uniformProbs } from "../maths.js";
import { chips, el, errorLine, frame, guardPaste, intSlider, timed } from "../ui.js";

const SVG = "http://www.w3.org/2000/svg";
const shownChar = (ch) => `'${ch}'`;

function svg(tag, attrs = {}, text = "") {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

// 27 bars over the characters, `chosen` in orange, the others blue; a title above. Fixed pixel size (labels stay
// 12 px): on a narrow screen the box around it scrolls.
function barChart(values, chosen, title, label, room) {
  const left = 8, top = 22, height = 80, bottom = 18;
  const slot = Math.max(12, Math.min(17, Math.floor((room - 16) / values.length)));
  const width = left + slot * values.length + 8;
  const max = Math.max(...values.filter(Number.isFinite), 0) || 1;
  const chart = svg("svg", { width, height: top + height + bottom, viewBox: `0 0 ${width} ${top + height + bottom}`,
    role: "img", "aria-label": label, style: "background:#fff;font:12px system-ui,sans-serif;fill:#333" });
  chart.append(svg("text", { x: left, y: 14 }, title));
  values.forEach((v, j) => {
    const h = Number.isFinite(v) ? (height * v) / max : height;
    const x = left + j * slot;
    chart.append(svg("rect", { x: x + 2, y: top + height - h, width: slot - 4, height: Math.max(h, v > 0 ? 1 : 0),
      fill: j === chosen ? "#dd6b20" : "#2b6cb0" }));
    chart.append(svg("text", { x: x + slot / 2, y: top + height + 13, "text-anchor": "middle",
      "font-family": "ui-monospace,monospace", "font-weight": j === chosen ? "700" : "400" }, CHARS[j]));
  });
  chart.append(svg("line", { x1: left, x2: width - 8, y1: top + height + 0.5, y2: top + height + 0.5, stroke: "#888" }));
  return chart;
}

const fmt = (x) => (x >= 1000 ? x.toFixed(0) : x >= 1 ? x.toFixed(3) : x.toPrecision(4));

function render({ model, el: host }) {
  const root = frame(host, "sampling", "Sampling names from a bigram model");
  const counts = model.get("counts");
  const [k] = model.get("k"), [maxSeed] = model.get("max_seed");
  const tables = { counts: bigramProbs(counts, 0), "smoothed counts": bigramProbs(counts, k), uniform: uniformProbs() };
  const seedBox = el("input", { type: "text", value: String(model.get("seed")), "aria-label": "seed",
    "data-control": "seed", inputmode: "numeric" });
  const error = errorLine();
  seedBox.addEventListener("input", () => {
    const err = seedError(seedBox.value, maxSeed);
    error.show(err);
    names.style.opacity = err ? "0.3" : "";
    if (!err) { model.set({ seed: Number(seedBox.value), draws: 0, step: 0 }); model.save_changes(); }
  });
  // a pasted seed of over 1,000 characters is refused (drawing it alone takes the page a frame or more)
  guardPaste(seedBox, (text) => (text.length > 1000 ? seedError(text, maxSeed) : null), error, () => {});
  const nSlider = intSlider("names", 1, model.get("max_n")[0], model.get("n"),
    (v) => { model.set({ n: v, step: 0 }); model.save_changes(); }, "n");
  const select = el("select", { "aria-label": "model", "data-control": "model" },
    model.get("models").map((value) => el("option", { value, text: value === "smoothed counts" ? `${value} (k = ${k})` : value })));
  select.value = model.get("model");
  select.addEventListener("change", () => { model.set({ model: select.value, step: 0 }); model.save_changes(); });
  const button = el("button", { type: "button", "data-control": "sample", text: "sample again" });
  button.addEventListener("click", () => { model.set({ draws: model.get("draws") + 1, step: 0 }); model.save_changes(); });
  const info = el("div", { class: "mm-note", "data-out": "info" });
  const names = el("div", { "data-out": "names" });

  // step by step
  const nextButton = el("button", { type: "button", "data-control": "next", text: "next character" });
  const finishButton = el("button", { type: "button", "data-control": "finish", text: "finish the name" });
  const restartButton = el("button", { type: "button", "data-control": "restart", text: "start over" });
  const built = el("div", { "data-out": "built", role: "group", "aria-label": "names drawn so far, one character at a time" });
  const said = el("div", { "data-out": "draw", "aria-live": "polite" });
  const charts = el("div", { class: "mm-scroll", "data-out": "charts" });
  let batch = null, key = "";
  const stepTo = (s) => { model.set("step", s); model.save_changes(); };
  nextButton.addEventListener("click", () => stepTo(model.get("step") + 1));
  finishButton.addEventListener("click", () => {
    let s = model.get("step");
    do s += 1; while (batch.draws[s - 1].index !== 0);
    stepTo(s);
  });
  restartButton.addEventListener("click", () => stepTo(0));

  root.append(el("div", { class: "mm-row" }, [el("label", { text: "seed" }), seedBox]), error,
    nSlider.row, el("div", { class: "mm-row" }, [el("label", { text: "model" }), select, button]),
    info, names,
    el("div", { style: "font-weight:600;margin-top:8px", text: "One character at a time" }),
    el("div", { class: "mm-row" }, [nextButton, finishButton, restartButton]), built, said, charts,
    el("div", { class: "mm-note", text: "torch draws one random number e for each character (an exponential " +
      "one, made from a uniform number u as −ln(1 − u)) and picks the highest probability / e: each character " +
      "still wins as often as its probability. Chapter 2's figure draws with one uniform number instead; the " +
      "appendix on versions compares the two." }));

  const update = timed(root, () => {
    const seed = model.get("seed"), n = model.get("n"), draws = model.get("draws"), probsName = model.get("model");
    if (seedBox.value.trim() !== String(seed)) seedBox.value = String(seed);
    error.show(null);
    names.style.opacity = "";
    nSlider.set(n);
    select.value = probsName;
    info.textContent = `seed ${seed}, batch ${draws + 1}`;
    const now = `${seed}/${n}/${draws}/${probsName}`;
    if (now !== key) { batch = null; key = now; }
    batch ||= sampleDraws(tables[probsName], seed, draws * n, n);
    names.replaceChildren(...chips(batch.names));
    const P = tables[probsName], step = model.get("step"), total = batch.draws.length;
    if (step > total) {
      error.show(format(MESSAGES.step, { max: groupDigits(total), step: groupDigits(step) }));
      built.replaceChildren(); said.textContent = ""; charts.replaceChildren();
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
      said.textContent = `Press "next character" to draw the first character of name 1 from row '.', the ` +
        "probabilities of the first character.";
      charts.replaceChildren(barChart(P[0], -1, "row '.' of P: the probability of each first character",
        "the probabilities of row '.'", charts.clientWidth));
      return;
    }
    const last = drawn[step - 1], row = CHARS[last.row], ch = CHARS[last.index];
    const p = P[last.row][last.index], score = last.scores[last.index];
    const second = last.scores.reduce((b, x, j) => (j !== last.index && x > last.scores[b] ? j : b), last.index === 0 ? 1 : 0);
    const which = `name ${done + (last.index === 0 ? 0 : 1)} of ${n}`;
    said.textContent = `${which}: from row ${shownChar(row)}, torch chose ${shownChar(ch)} (probability ${p.toFixed(4)}). ` +
      `Each character's score is its probability divided by a random number e; ${shownChar(ch)} scored ${fmt(score)}, ` +
      `the highest (next: ${shownChar(CHARS[second])}, ${fmt(last.scores[second])}).` +
      (last.index === 0 ? (step === total ? " The end token: all the names of this batch are drawn." : " The end token: the name is finished.") : "");
    said.dataset.chosen = ch;
    charts.replaceChildren(
      barChart(P[last.row], last.index, `row ${shownChar(row)} of P: the probability of each next character`,
        `the probabilities of row ${shownChar(row)}, ${shownChar(ch)} chosen`, charts.clientWidth),
      barChart(last.scores, last.index, "this draw: probability / e, for each character",
        `torch's scores for this draw, ${shownChar(ch)} the highest`, charts.clientWidth));
  }, error);
  for (const name of ["seed", "n", "model", "draws", "step"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
