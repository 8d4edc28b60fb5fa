// SamplingWidget: names from a bigram model, exactly the names torch draws for the seed (sampleNames).

import { bigramProbs, sampleNames, seedError, uniformProbs } from "../maths.js";
import { SEED_NOTE, chips, el, errorLine, frame, guardPaste, intSlider, timed } from "../ui.js";

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
    if (!err) { model.set({ seed: Number(seedBox.value), draws: 0 }); model.save_changes(); }
  });
  // a pasted seed of over 1,000 characters is refused (drawing it alone takes the page a frame or more)
  guardPaste(seedBox, (text) => (text.length > 1000 ? seedError(text, maxSeed) : null), error, () => {});
  const nSlider = intSlider("names", 1, model.get("max_n")[0], model.get("n"), (v) => { model.set("n", v); model.save_changes(); }, "n");
  const select = el("select", { "aria-label": "model", "data-control": "model" },
    model.get("models").map((value) => el("option", { value, text: value === "smoothed counts" ? `${value} (k = ${k})` : value })));
  select.value = model.get("model");
  select.addEventListener("change", () => { model.set("model", select.value); model.save_changes(); });
  const button = el("button", { type: "button", "data-control": "sample", text: "sample again" });
  button.addEventListener("click", () => { model.set("draws", model.get("draws") + 1); model.save_changes(); });
  const info = el("div", { class: "mm-note", "data-out": "info" });
  const names = el("div", { "data-out": "names" });
  root.append(el("div", { class: "mm-row" }, [el("label", { text: "seed" }), seedBox]), error,
    nSlider.row, el("div", { class: "mm-row" }, [el("label", { text: "model" }), select, button]),
    info, names, el("div", { class: "mm-note", text: SEED_NOTE }));

  const update = timed(root, () => {
    const seed = model.get("seed"), n = model.get("n"), draws = model.get("draws");
    if (seedBox.value.trim() !== String(seed)) seedBox.value = String(seed);
    error.show(null);
    names.style.opacity = "";
    nSlider.set(n);
    select.value = model.get("model");
    info.textContent = `seed ${seed}, batch ${draws + 1}`;
    names.replaceChildren(...chips(sampleNames(tables[model.get("model")], seed, (draws + 1) * n).slice(draws * n)));
  }, error);
  for (const name of ["seed", "n", "model", "draws"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
