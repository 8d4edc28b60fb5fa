// SmoothingExplorer: move k, the fake count added to every cell, and watch P, the losses and the samples. Given
// the dev names' counts, a chart draws the loss on the training names and on the dev names against k.

import { CHARS, bigramError, bigramProbs, charCount, countsNll, nameError, nameNll, nameTooLong, sampleNames, smoothingCurves } from "../maths.js";
import { chartSvg, chips, el, errorLine, fmtLoss, follow, frame, guardPaste, heatmapBox, heatmapCanvas, niceTicks,
  optionSlider, timed, trackWidth } from "../ui.js";

// The chart's k: chapter 4's grid, 10^-3 to 10^2 in 50 steps (np.logspace(-3, 2, 51)).
const KS = Array.from({ length: 51 }, (_, i) => 10 ** (-3 + i / 10));
const TRAIN = "#2b6cb0", DEV = "#c05621";

function render({ model, el: host }) {
  const root = frame(host, "smoothing", "Smoothing: add k to every count");
  const counts = model.get("counts");
  const vmax = Math.max(...bigramProbs(counts, 0).flat());   // one colour scale for every k
  const dev = model.get("dev_counts");
  const kSlider = optionSlider("k (fake counts)", model.get("k_options"), model.get("k"),
    (v) => { model.set("k", v); model.save_changes(); }, "k");
  const bigramBox = el("input", { type: "text", value: model.get("bigram"), maxlength: 4, "aria-label": "bigram",
    "data-control": "bigram", style: "width:4em" });
  bigramBox.addEventListener("input", () => { model.set("bigram", bigramBox.value); model.save_changes(); });
  const pOut = el("b", { "data-out": "p" });
  const pLabel = el("span");
  const loss = el("b", { "data-out": "loss" });
  const wordBox = el("input", { type: "text", value: model.get("word"), "aria-label": "a name to score",
    "data-control": "word", placeholder: "a name to score, a-z" });
  wordBox.addEventListener("input", () => { model.set("word", wordBox.value); model.save_changes(); });
  const probe = el("b", { "data-out": "probe" });
  const error = errorLine();
  const devLoss = el("b", { "data-out": "dev" });
  const best = el("span", { "data-out": "best" });
  const chart = el("div", { "data-out": "chart" });
  const canvas = heatmapCanvas(16);
  canvas.title = "click a cell to choose its bigram";
  canvas.addEventListener("click", (e) => {
    const b = canvas.cellAt(e);
    if (b) { bigramBox.value = b; model.set("bigram", b); model.save_changes(); }
  });
  const names = el("div", { "data-out": "names" });
  const namesLabel = el("span");
  root.append(kSlider.row);
  if (dev.length) root.append(chart);
  root.append(el("div", { class: "mm-row" }, [el("label", { text: dev.length ? "training loss" : "dataset loss" }), loss]));
  if (dev.length) root.append(el("div", { class: "mm-row" }, [el("label", { text: "dev loss" }), devLoss, best]));
  root.append(el("div", { class: "mm-row" }, [el("label", { text: "bigram" }), bigramBox, pLabel, pOut]),
    el("div", { class: "mm-row" }, [el("label", { text: "loss of the name" }), wordBox, probe]), error,
    heatmapBox(canvas, "the heatmap of P (scrolls sideways)",
      "P: row = first character, column = the next one; darker = more likely. The outlined cell is the bigram; click a cell to choose another."),
    el("div", {}, [namesLabel, names]));

  // The chart's curves do not depend on k: computed once.
  const curves = dev.length ? smoothingCurves(counts, dev, KS) : null;
  const low = curves ? curves.dev.indexOf(Math.min(...curves.dev)) : -1;
  const y = curves ? niceTicks(Math.min(...curves.train, ...curves.dev), Math.max(...curves.train, ...curves.dev), 4) : null;
  if (curves) best.textContent = `lowest on the chart at k ≈ ${Number(KS[low].toPrecision(1))} (${fmtLoss(curves.dev[low])})`;

  let last = null;
  const chartWidth = trackWidth(chart, () => { if (last) drawChart(...last); });
  function drawChart(k, devAtK) {
    last = [k, devAtK];
    const where = k < KS[0] ? { x: KS[0], label: `k = ${k}` } : k > KS[KS.length - 1]
      ? { x: KS[KS.length - 1], label: `k = ${k} →` } : { x: k, label: `k = ${k}` };
    const width = chartWidth();
    chart.innerHTML = chartSvg({
      x: { min: KS[0], max: KS[KS.length - 1], log: true, label: "fake count k (log scale)", ticks: [0.001, 0.01, 0.1, 1, 10, 100] },
      y: { ...y, label: "average NLL" }, width,
      series: [{ points: KS.map((v, i) => [v, curves.train[i]]), colour: TRAIN, label: "training names", below: true },
        { points: KS.map((v, i) => [v, curves.dev[i]]), colour: DEV, text: "#9c4221", label: "dev names" }],
      marks: [where],
      dots: [{ x: KS[low], y: curves.dev[low], colour: DEV, label: `lowest dev loss, k ≈ ${Number(KS[low].toPrecision(1))}` }],
      label: `training and dev loss against k from 0.001 to 100: the dev loss is lowest at k ≈ ${Number(KS[low].toPrecision(1))}` +
        ` (${fmtLoss(curves.dev[low])}); now k = ${k}, dev loss ${fmtLoss(devAtK)}`,
    });
  }

  // The order of Python's compute: the loss and names first, then the bigram's P, then the name's loss; the
  // first problem is the message (as in `error`), and what comes after it stays empty.
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
  guardPaste(bigramBox, (text) => (charCount(text) > 4 ? bigramError(text) : null), error, update);
  guardPaste(wordBox, nameTooLong, error, update);
  for (const name of ["k", "bigram", "word", "seed", "n"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
