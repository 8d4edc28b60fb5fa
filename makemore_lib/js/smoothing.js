// SmoothingExplorer: move k, the fake count added to every cell, and watch P, the losses and the samples.

function render({ model, el: host }) {
  const root = frame(host, "smoothing", "Smoothing: add k to every count");
  const counts = model.get("counts");
  const vmax = Math.max(...bigramProbs(counts, 0).flat());   // one colour scale for every k
  const dev = model.get("dev_counts");
  const kSlider = optionSlider("k (fake counts)", model.get("k_options"), model.get("k"),
    (v) => String(v), (v) => { model.set("k", v); model.save_changes(); }, "k");
  const bigramBox = el("input", { type: "text", value: model.get("bigram"), maxlength: 4, "aria-label": "bigram",
    "data-control": "bigram", style: "width:4em" });
  bigramBox.addEventListener("input", () => { model.set("bigram", bigramBox.value); model.save_changes(); });
  const pOut = el("b", { "data-out": "p" });
  const pLabel = el("span");
  const bigramError = el("span", { class: "mm-error", role: "alert", "data-out": "error" });
  const loss = el("b", { "data-out": "loss" });
  const wordBox = el("input", { type: "text", value: model.get("word"), "aria-label": "a name to score",
    "data-control": "word", placeholder: "a name to score, a-z" });
  wordBox.addEventListener("input", () => { model.set("word", wordBox.value); model.save_changes(); });
  const probe = el("b", { "data-out": "probe" });
  const wordError = el("span", { class: "mm-error", role: "alert", "data-out": "word_error" });
  const devLoss = el("b", { "data-out": "dev" });
  const canvas = heatmapCanvas(10);
  canvas.title = "click a cell to choose its bigram";
  canvas.addEventListener("click", (e) => {
    const b = canvas.cellAt(e);
    if (b) { bigramBox.value = b; model.set("bigram", b); model.save_changes(); }
  });
  const names = el("div", { "data-out": "names" });
  root.append(kSlider.row,
    el("div", { class: "mm-row" }, [el("label", { text: "bigram" }), bigramBox, pLabel, pOut, bigramError]),
    el("div", { class: "mm-row" }, [el("label", { text: "dataset loss" }), loss]),
    el("div", { class: "mm-row" }, [el("label", { text: "loss of the name" }), wordBox, probe, wordError]));
  if (dev.length) root.append(el("div", { class: "mm-row" }, [el("label", { text: "dev loss" }), devLoss]));
  root.append(el("div", { class: "mm-row" }, [canvas, el("span", { class: "mm-note",
    text: "P: row = first character, column = the next one; darker = more likely. Click a cell." })]),
    el("div", {}, [el("span", { text: `${model.get("n")} names (seed ${model.get("seed")}): ` }), names]),
    el("div", { class: "mm-note", text: PRNG_NOTE }));

  const update = timed(root, () => {
    const k = model.get("k");
    kSlider.set(k);
    const P = bigramProbs(counts, k);
    const b = model.get("bigram");
    const err = b.length === 2 && [...b].every((c) => c in STOI) ? null
      : `bigram must be two characters from '.' and a-z, not '${b}'`;
    bigramError.textContent = err ? "⚠ " + err : "";
    pLabel.textContent = err ? "" : `P(${b[1]} after ${b[0]}) =`;
    pOut.textContent = err ? "" : P[STOI[b[0]]][STOI[b[1]]].toFixed(4);
    loss.textContent = fmtLoss(countsNll(counts, P));
    const word = model.get("word");
    const wordErr = nameError(word);
    wordError.textContent = wordErr ? "⚠ " + wordErr : "";
    probe.textContent = wordErr ? "" : fmtLoss(nameNll(word, P));
    if (dev.length) devLoss.textContent = fmtLoss(countsNll(dev, P));
    canvas.draw(P, vmax, `P with k = ${k}, as a 27 by 27 heatmap`);
    names.replaceChildren(...chips(sampleNames(P, model.get("n"), model.get("seed"))));
  });
  model.on("change:k", update);
  model.on("change:word", () => { if (wordBox.value !== model.get("word")) wordBox.value = model.get("word"); update(); });
  model.on("change:bigram", () => { if (bigramBox.value !== model.get("bigram")) bigramBox.value = model.get("bigram"); update(); });
  update();
}

export default { render };
