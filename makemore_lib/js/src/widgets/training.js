// TrainingExplorer: gradient descent on the 27x27 counts (neural.train_counts), run in the page. The chart keeps
// one scale for every setting, the counting model's loss as a dashed line, and the last few runs as faint curves.

import { MESSAGES, bigramProbs, countsNll, diverged, divergenceMessage, sampleNames, softmaxRows, trainCounts } from "../maths.js";
import { chartSvg, chips, el, errorLine, frame, intSlider, keepRun, optionSlider, saver, timed, trackWidth } from "../ui.js";

// The loss axis: linear from just below the counting model's loss to 4 (the lecture's W starts at 3.77), then a
// log band up to 64, which holds the highest loss any setting of the sliders reaches without blowing up (61.2,
// lr 500 and λ = 1, over 500 steps).
const LINEAR_TOP = 4, LOG_TOP = 64, KEPT = 5;

function render({ model, el: host }) {
  const root = frame(host, "training", "Training the neural net by gradient descent");
  const counts = model.get("counts");
  const W0 = model.get("w0");
  const [maxSteps, limit] = model.get("limits");
  const reference = countsNll(counts, bigramProbs(counts, 0));   // the counting model, k = 0
  const yMin = Math.floor(reference * 10 - 0.5) / 10;
  const set = saver(model);
  const lr = optionSlider("learning rate", model.get("lr_options"), model.get("lr"), set("lr"), "lr");
  const steps = intSlider("steps", 1, maxSteps, model.get("steps"), set("steps"), "steps");
  const l2 = optionSlider("L2 strength λ", model.get("l2_options"), model.get("l2"), set("l2"), "l2");
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
    el("div", {}, [namesLabel, names])]);
  root.append(lr.row, steps.row, l2.row, error, warning, curve, el("div", { class: "mm-row" }, [runs, reset]), results,
    el("div", { class: "mm-note", text: "Loss = data loss (average NLL) + λ·mean(W²)." }));

  let kept = [], lastCurrent = true;
  const chartWidth = trackWidth(curve, () => draw(lastCurrent));
  function draw(current = true) {
    lastCurrent = current;
    const xMax = Math.max(...kept.map((r) => r.steps), 1);
    const width = chartWidth();
    const run = (r, n) => { const i = n + (current ? 0 : 1); return { points: r.losses.map((v, s) => [s, v]), colour: i ? "#8a9bb0" : "#2b6cb0",
      width: i ? 1.5 : 2.5, opacity: i ? 0.75 : 1, text: i ? "#4a5568" : "#1e4e8c",
      label: `lr ${r.lr}${r.l2 ? `, λ ${r.l2}` : ""}` }; };
    curve.innerHTML = kept.length ? chartSvg({
      x: { min: 0, max: xMax, label: "step", ticks: [0, Math.round(xMax / 2), xMax] },
      y: { min: yMin, max: LINEAR_TOP, top: LOG_TOP, label: "loss", ticks: [yMin, 3, LINEAR_TOP].filter((t, i, a) => a.indexOf(t) === i) },
      series: kept.map(run).reverse(),
      lines: [{ y: reference, colour: "#2f855a", label: `counting model ${reference.toFixed(4)}` }], width,
      label: `loss curves: ${kept.map((r) => `lr ${r.lr}, ${r.steps} steps, from ${r.losses[0].toFixed(3)} to ` +
        `${r.losses[r.losses.length - 1].toFixed(3)}`).join("; ")}; the counting model's loss ${reference.toFixed(4)} dashed`,
    }) : "";
    runs.textContent = kept.length > 1 ? "earlier runs (faint): " + kept.slice(1).map((r) =>
      `lr ${r.lr}, ${r.steps} steps${r.l2 ? `, λ ${r.l2}` : ""}: ${r.losses[r.losses.length - 1].toFixed(4)}`).join(" · ")
      : "Change the learning rate: this run stays on the chart, faint, to compare.";
  }
  reset.addEventListener("click", () => { kept = kept.slice(0, 1); draw(); });

  const update = timed(root, () => {
    const [rate, n, lambda] = [model.get("lr"), model.get("steps"), model.get("l2")];
    lr.set(rate); steps.set(n); l2.set(lambda);
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

export default { render };
