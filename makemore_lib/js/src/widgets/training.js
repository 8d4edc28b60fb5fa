// TrainingExplorer: gradient descent on the 27x27 counts (neural.train_counts), run in the page.

import { MESSAGES, diverged, divergenceMessage, sampleNames, softmaxRows, trainCounts } from "../maths.js";
import { SEED_NOTE, chips, el, errorLine, frame, intSlider, lossCurveSvg, optionSlider, saver, timed } from "../ui.js";

function render({ model, el: host }) {
  const root = frame(host, "training", "Training the neural net by gradient descent");
  const counts = model.get("counts");
  const W0 = model.get("w0");
  const [maxSteps, limit] = model.get("limits");
  const set = saver(model);
  const lr = optionSlider("learning rate", model.get("lr_options"), model.get("lr"), set("lr"), "lr");
  const steps = intSlider("steps", 1, maxSteps, model.get("steps"), set("steps"), "steps");
  const l2 = optionSlider("L2 strength λ", model.get("l2_options"), model.get("l2"), set("l2"), "l2");
  const curve = el("div");
  const error = errorLine();
  const warning = errorLine("warning");
  warning.setAttribute("role", "status");
  const first = el("b", { "data-out": "first" });
  const loss = el("b", { "data-out": "loss" });
  const data = el("b", { "data-out": "data" });
  const names = el("div", { "data-out": "names" });
  const afterLabel = el("label");
  const namesLabel = el("span");
  const results = el("div", {}, [
    el("div", { class: "mm-row" }, [el("label", { text: "loss at the start" }), first]),
    el("div", { class: "mm-row" }, [afterLabel, loss, el("span", { text: "of which data loss" }), data]),
    el("div", {}, [namesLabel, names])]);
  root.append(lr.row, steps.row, l2.row, error, warning, curve, results, el("div", { class: "mm-note",
    text: "Loss = data loss (average NLL) + λ·mean(W²). " + SEED_NOTE }));

  const update = timed(root, () => {
    const [rate, n, lambda] = [model.get("lr"), model.get("steps"), model.get("l2")];
    lr.set(rate); steps.set(n); l2.set(lambda);
    const run = trainCounts(counts, W0, n, rate, lambda);
    const bad = diverged(run, limit);
    error.show(bad ? divergenceMessage(counts, W0, n, rate, lambda, limit) : null);
    const higher = !bad && run.losses[run.losses.length - 1] > run.losses[0];
    warning.show(higher ? MESSAGES.overshoot : null);
    results.style.display = bad ? "none" : "";
    curve.innerHTML = bad ? "" : lossCurveSvg(run.losses);
    names.replaceChildren();
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

export default { render };
