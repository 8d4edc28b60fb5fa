// RegularizationExplorer: move λ and train the net again in the page: data loss, penalty, and the net's P beside
// the smoothed counts' P at the closest k, on one colour scale, with the cell where they differ most.

import { CHARS, bigramProbs, closestSmoothing, diverged, divergenceMessage, largestDifference, sampleNames, softmaxRows,
  trainCounts } from "../maths.js";
import { chips, el, errorLine, frame, heatmapBox, heatmapCanvas, intSlider, optionSlider, saver, timed } from "../ui.js";

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
  const difference = el("span", { "data-out": "difference" });
  const net = heatmapCanvas(14), smooth = heatmapCanvas(14);
  const netCaption = "the trained net's P", smoothCaption = el("span");
  const smoothFigure = heatmapBox(smooth, "the smoothed counts' P (scrolls sideways)", "");
  smoothFigure.querySelector("figcaption").append(smoothCaption);
  const names = el("div", { "data-out": "names" });
  const namesLabel = el("span");
  const results = el("div", {}, [
    el("div", { class: "mm-row" }, [el("label", { text: "data loss" }), data]),
    el("div", { class: "mm-row" }, [el("label", { text: "penalty λ·mean(W²)" }), penalty]),
    el("div", { class: "mm-row" }, [el("label", { text: "total loss" }), loss]),
    el("div", { class: "mm-row" }, [el("label", { text: "closest smoothing k" }), closest,
      el("span", { class: "mm-note", text: "the counts model bigram_probs(counts, k) nearest to this net" })]),
    el("div", { class: "mm-row" }, [el("label", { text: "largest difference" }), difference]),
    el("div", { class: "mm-pair" }, [heatmapBox(net, "the trained net's P (scrolls sideways)", netCaption), smoothFigure]),
    el("div", { class: "mm-note", text: "Row = first character, column = the next one; one colour scale for both: darker = more likely." }),
    el("div", {}, [namesLabel, names])]);
  const note = el("div", { class: "mm-note" });
  root.append(l2.row, steps.row, error, results, note);

  let searches = 0;
  const update = timed(root, () => {
    const [lambda, n, rate] = [model.get("l2"), model.get("steps"), model.get("lr")];
    l2.set(lambda); steps.set(n);
    note.textContent = `Each move trains ${n} steps from the lecture's W with learning rate ${rate}.`;
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
    net.draw(P, vmax, `the trained net's P for λ = ${lambda}, as a 27 by 27 heatmap`);
    // The λ ↔ k search (501 smoothed tables) waits for the next task, so the slider answers within a frame; the
    // smoothed counts' P and the difference follow it.
    closest.textContent = difference.textContent = smoothCaption.textContent = "…";
    const mine = ++searches;
    setTimeout(() => {
      if (mine !== searches) return;
      const found = closestSmoothing(counts, P).k, k = Number(found.toPrecision(4));
      const S = bigramProbs(counts, found);
      const d = largestDifference(P, S);
      closest.textContent = String(k);
      smoothCaption.textContent = `the smoothed counts' P, k = ${k}`;
      difference.textContent = `P(${d.bigram[1]} after ${d.bigram[0]}): net ${d.a.toFixed(4)}, counts ${d.b.toFixed(4)}` +
        ` (${d.size.toFixed(4)} apart; outlined)`;
      net.draw(P, vmax, `the trained net's P for λ = ${lambda}, as a 27 by 27 heatmap`, CHARS, d.bigram);
      smooth.draw(S, vmax, `the smoothed counts' P for k = ${k}, as a 27 by 27 heatmap`, CHARS, d.bigram);
    }, 0);
    namesLabel.textContent = `five names (seed ${model.get("seed")}): `;
    names.replaceChildren(...chips(sampleNames(P, model.get("seed"), 5)));
  }, error);
  for (const name of ["l2", "steps", "lr", "seed"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
