// TrainingExplorer: gradient descent on the 27x27 counts (neural.train_counts), run in the browser.

function render({ model, el: host }) {
  const root = frame(host, "training", "Training the neural net by gradient descent");
  const counts = model.get("counts");
  const W0 = model.get("w0");
  const set = saver(model);
  const lr = optionSlider("learning rate", model.get("lr_options"), model.get("lr"), String, set("lr"), "lr");
  const steps = intSlider("steps", 1, model.get("max_steps"), model.get("steps"), set("steps"), "steps");
  const l2 = optionSlider("L2 strength λ", model.get("l2_options"), model.get("l2"), String, set("l2"), "l2");
  const curve = el("div");
  const error = el("div", { class: "mm-error", role: "alert", "data-out": "error" });
  const warning = el("div", { class: "mm-error", role: "status", "data-out": "warning" });
  const first = el("b", { "data-out": "first" });
  const loss = el("b", { "data-out": "loss" });
  const data = el("b", { "data-out": "data" });
  const names = el("div", { "data-out": "names" });
  const afterLabel = el("label");
  const results = el("div", {}, [
    el("div", { class: "mm-row" }, [el("label", { text: "loss at the start" }), first]),
    el("div", { class: "mm-row" }, [afterLabel, loss,
      el("span", { text: "of which data loss" }), data]),
    el("div", {}, [el("span", { text: `five names (seed ${model.get("seed")}): ` }), names])]);
  root.append(lr.row, steps.row, l2.row, error, warning, curve, results, el("div", { class: "mm-note",
    text: "Loss = data loss (average NLL) + λ·mean(W²). " + PRNG_NOTE }));

  const update = timed(root, () => {
    lr.set(model.get("lr")); steps.set(model.get("steps")); l2.set(model.get("l2"));
    const run = trainCounts(counts, W0, model.get("steps"), model.get("lr"), model.get("l2"));
    const ok = run.losses.every((x) => Number.isFinite(x) && x < model.get("diverged")) &&
      run.W.every((row) => row.every(Number.isFinite));   // the rule of live._after
    error.textContent = ok ? "" : `⚠ training diverged with learning rate ${model.get("lr")}: try a smaller one`;
    const higher = ok && run.losses[run.losses.length - 1] > run.losses[0];
    warning.textContent = higher ? "⚠ " + model.get("overshoot") : "";
    results.style.display = ok ? "" : "none";
    curve.innerHTML = ok ? lossCurveSvg(run.losses) : "";
    if (!ok) return;
    afterLabel.textContent = `loss after ${model.get("steps")} steps`;
    first.textContent = run.losses[0].toFixed(4);
    loss.textContent = run.losses[run.losses.length - 1].toFixed(4);
    data.textContent = run.data.toFixed(4);
    names.replaceChildren(...chips(sampleNames(softmaxRows(run.W), 5, model.get("seed"))));
  });
  for (const name of ["lr", "steps", "l2"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
