// RegularizationExplorer: move λ and train the net again in the browser: data loss, penalty, P, samples.

function render({ model, el: host }) {
  const root = frame(host, "regularization", "Regularization: the L2 penalty pulls W towards 0");
  const counts = model.get("counts");
  const W0 = model.get("w0");
  const set = saver(model);
  const l2 = optionSlider("λ (L2 strength)", model.get("l2_options"), model.get("l2"), String, set("l2"), "l2");
  const steps = intSlider("training steps", 1, model.get("max_steps"), model.get("steps"), set("steps"), "steps");
  const error = el("div", { class: "mm-error", role: "alert", "data-out": "error" });
  const data = el("b", { "data-out": "data" });
  const penalty = el("b", { "data-out": "penalty" });
  const loss = el("b", { "data-out": "loss" });
  const canvas = heatmapCanvas(10);
  const names = el("div", { "data-out": "names" });
  const results = el("div", {}, [
    el("div", { class: "mm-row" }, [el("label", { text: "data loss" }), data]),
    el("div", { class: "mm-row" }, [el("label", { text: "penalty λ·mean(W²)" }), penalty]),
    el("div", { class: "mm-row" }, [el("label", { text: "total loss" }), loss]),
    el("div", { class: "mm-row" }, [canvas, el("span", { class: "mm-note",
      text: "the trained net's P: row = first character, column = the next one" })]),
    el("div", {}, [el("span", { text: `five names (seed ${model.get("seed")}): ` }), names])]);
  root.append(l2.row, steps.row, error, results, el("div", { class: "mm-note",
    text: `Each move trains from the lecture's W with learning rate ${model.get("lr")}. ` + PRNG_NOTE }));

  const update = timed(root, () => {
    l2.set(model.get("l2")); steps.set(model.get("steps"));
    const run = trainCounts(counts, W0, model.get("steps"), model.get("lr"), model.get("l2"));
    const ok = run.losses.every((x) => Number.isFinite(x) && x < model.get("diverged"));   // as live._after
    error.textContent = ok ? "" : `⚠ training diverged with learning rate ${model.get("lr")}: try a smaller one`;
    results.style.display = ok ? "" : "none";
    if (!ok) return;
    data.textContent = run.data.toFixed(4);
    penalty.textContent = run.penalty.toFixed(4);
    loss.textContent = (run.data + run.penalty).toFixed(4);
    const P = softmaxRows(run.W);
    canvas.draw(P, 1.0, `the trained net's P for λ = ${model.get("l2")}, as a 27 by 27 heatmap`);
    names.replaceChildren(...chips(sampleNames(P, 5, model.get("seed"))));
  });
  for (const name of ["l2", "steps"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
