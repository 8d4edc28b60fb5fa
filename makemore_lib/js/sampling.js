// SamplingWidget: draw names from a bigram model with a seeded generator that runs in the browser.

const MAX_SEED = 4294967295;

// null if `text` is a whole number from 0 to 2**32 - 1, else the message (live.check_browser_seed in Python).
function seedError(text) {
  if (!/^\s*\d+\s*$/.test(text)) return `seed must be a whole number from 0 to ${MAX_SEED}, not '${text}'`;
  const v = Number(text);
  return v <= MAX_SEED ? null : `seed must be between 0 and ${MAX_SEED}, not ${text.trim()}`;
}

function render({ model, el: host }) {
  const root = frame(host, "sampling", "Sampling names from a bigram model");
  const counts = model.get("counts");
  const tables = { counts: bigramProbs(counts, 0), "smoothed counts": bigramProbs(counts, model.get("k")),
    uniform: uniformProbs() };
  const seedBox = el("input", { type: "text", value: String(model.get("seed")), "aria-label": "seed",
    "data-control": "seed", inputmode: "numeric" });
  const seedError0 = el("span", { class: "mm-error", role: "alert", "data-out": "error" });
  seedBox.addEventListener("input", () => {
    const err = seedError(seedBox.value);
    seedError0.textContent = err ? "⚠ " + err : "";
    if (!err) { model.set({ seed: Number(seedBox.value), draws: 0 }); model.save_changes(); }
  });
  const nSlider = intSlider("names", 1, model.get("max_n"), model.get("n"), (v) => { model.set("n", v); model.save_changes(); }, "n");
  const select = el("select", { "aria-label": "model", "data-control": "model" },
    model.get("models").map((value) => el("option", { value, text: value === "smoothed counts" ? `${value} (k = ${model.get("k")})` : value })));
  select.value = model.get("model");
  select.addEventListener("change", () => { model.set("model", select.value); model.save_changes(); });
  const button = el("button", { type: "button", "data-control": "sample", text: "sample again" });
  button.addEventListener("click", () => { model.set("draws", model.get("draws") + 1); model.save_changes(); });
  const info = el("div", { class: "mm-note", "data-out": "info" });
  const names = el("div", { "data-out": "names" });
  root.append(el("div", { class: "mm-row" }, [el("label", { text: "seed" }), seedBox, seedError0]),
    nSlider.row, el("div", { class: "mm-row" }, [el("label", { text: "model" }), select, button]),
    info, names, el("div", { class: "mm-note", text: PRNG_NOTE }));

  const update = timed(root, () => {
    const seed = model.get("seed"), n = model.get("n"), draws = model.get("draws");
    if (document.activeElement !== seedBox && seedBox.value !== String(seed)) seedBox.value = String(seed);
    nSlider.set(n);
    select.value = model.get("model");
    info.textContent = `seed ${seed}, batch ${draws + 1}`;
    names.replaceChildren(...chips(sampleNames(tables[model.get("model")], n, seed, draws * n)));
  });
  for (const name of ["seed", "n", "model", "draws"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
