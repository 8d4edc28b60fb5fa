// SmoothingExplorer: move k, the fake count added to every cell, and watch P, the losses and the samples.

import { CHARS, bigramError, bigramProbs, charCount, countsNll, nameError, nameNll, nameTooLong, sampleNames } from "../maths.js";
import { SEED_NOTE, chips, el, errorLine, fmtLoss, follow, frame, guardPaste, heatmapCanvas, optionSlider, timed } from "../ui.js";

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
  const canvas = heatmapCanvas(10);
  canvas.title = "click a cell to choose its bigram";
  canvas.addEventListener("click", (e) => {
    const b = canvas.cellAt(e);
    if (b) { bigramBox.value = b; model.set("bigram", b); model.save_changes(); }
  });
  const names = el("div", { "data-out": "names" });
  const namesLabel = el("span");
  root.append(kSlider.row,
    el("div", { class: "mm-row" }, [el("label", { text: "bigram" }), bigramBox, pLabel, pOut]),
    el("div", { class: "mm-row" }, [el("label", { text: "dataset loss" }), loss]),
    el("div", { class: "mm-row" }, [el("label", { text: "loss of the name" }), wordBox, probe]), error);
  if (dev.length) root.append(el("div", { class: "mm-row" }, [el("label", { text: "dev loss" }), devLoss]));
  root.append(el("div", { class: "mm-row" }, [canvas, el("span", { class: "mm-note",
    text: "P: row = first character, column = the next one; darker = more likely. Click a cell." })]),
    el("div", {}, [namesLabel, names]),
    el("div", { class: "mm-note", text: SEED_NOTE }));

  // The order of Python's compute: the loss and names first, then the bigram's P, then the name's loss; the
  // first problem is the message (as in `error`), and what comes after it stays empty.
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
  guardPaste(bigramBox, (text) => (charCount(text) > 4 ? bigramError(text) : null), error, update);
  guardPaste(wordBox, nameTooLong, error, update);
  for (const name of ["k", "bigram", "word", "seed", "n"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
