// RegularizationExplorer: move λ and train the net again in the page: data loss, penalty, P, the closest k.

import { bigramProbs, closestSmoothing, diverged, divergenceMessage, sampleNames, softmaxRows, trainCounts } from "../maths.js";
import { SEED_NOTE, chips, el, errorLine, frame, heatmapCanvas, intSlider, optionSlider, saver, timed } from "../ui.js";

function render({ model, el: host }) {
  const root = frame(host, "regularization", "Regularization: the L2 penalty pulls W towards 0");
  const counts = model.get("counts");
  const W0 = model.get("w0");
  const vmax = Math.max(...bigramProbs(counts, 0).flat());   // the counts' scale: flattening shows as fading
  const [maxSteps, limit] = model.get("limits");
  const set = saver(model);
  const l2 = optionSlider("λ (L2 strength)", model.get("l2_options"), model.get("l2"), set("l2"), "l2");
  const steps = intSlider("training steps", 1, maxSteps, model.get("steps"), set("steps"), "steps");
  const error = errorLine();
  const data = el("b", { "data-out": "data" });
  const penalty = el("b", { "data-out": "penalty" });
  const loss = el("b", { "data-out": "loss" });
  const closest = el("b", { "data-out": "closest_k" });
  const canvas = heatmapCanvas(10);
  const names = el("div", { "data-out": "names" });
  const namesLabel = el("span");
  const results = el("div", {}, [
    el("div", { class: "mm-row" }, [el("label", { text: "data loss" }), data]),
    el("div", { class: "mm-row" }, [el("label", { text: "penalty λ·mean(W²)" }), penalty]),
    el("div", { class: "mm-row" }, [el("label", { text: "total loss" }), loss]),
    el("div", { class: "mm-row" }, [el("label", { text: "closest smoothing k" }), closest,
      el("span", { class: "mm-note", text: "the counts model bigram_probs(counts, k) nearest to this net" })]),
    el("div", { class: "mm-row" }, [canvas, el("span", { class: "mm-note",
      text: "the trained net's P: row = first character, column = the next one" })]),
    el("div", {}, [namesLabel, names])]);
  const note = el("div", { class: "mm-note" });
  root.append(l2.row, steps.row, error, results, note);

  let searches = 0;
  const update = timed(root, () => {
    const [lambda, n, rate] = [model.get("l2"), model.get("steps"), model.get("lr")];
    l2.set(lambda); steps.set(n);
    note.textContent = `Each move trains from the lecture's W with learning rate ${rate}. ` + SEED_NOTE;
    const run = trainCounts(counts, W0, n, rate, lambda);
    const bad = diverged(run, limit);
    error.show(bad ? divergenceMessage(counts, W0, n, rate, lambda, limit) : null);
    results.style.display = bad ? "none" : "";
    names.replaceChildren();
    if (bad) return;
    data.textContent = run.data.toFixed(4);
    penalty.textContent = run.penalty.toFixed(4);
    loss.textContent = (run.data + run.penalty).toFixed(4);
    const P = softmaxRows(run.W);
    // The λ ↔ k search (501 smoothed tables) waits for the next task, so the slider answers within a frame.
    closest.textContent = "…";
    const mine = ++searches;
    setTimeout(() => { if (mine === searches) closest.textContent = String(Number(closestSmoothing(counts, P).k.toPrecision(4))); }, 0);
    canvas.draw(P, vmax, `the trained net's P for λ = ${lambda}, as a 27 by 27 heatmap`);
    namesLabel.textContent = `five names (seed ${model.get("seed")}): `;
    names.replaceChildren(...chips(sampleNames(P, model.get("seed"), 5)));
  }, error);
  for (const name of ["l2", "steps", "lr", "seed"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
