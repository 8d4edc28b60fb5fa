// WordListWidget: paste your own words; their characters are the vocabulary; counts, loss and samples, in the page.

import { WORDLIST, bigramProbs, countBigrams, countsNll, groupDigits, listSizeError, parseWords, sampleNames } from "../maths.js";
import { chips, el, errorLine, fmtLoss, frame, guardPaste, heatmapBox, heatmapCanvas, optionSlider, saver, timed } from "../ui.js";

function render({ model, el: host }) {
  const root = frame(host, "wordlist", "Your own word list");
  const set = saver(model);
  const box = el("textarea", { rows: 5, "aria-label": "your words", "data-control": "words",
    placeholder: "paste words: one per line, or separated by spaces or commas" });
  box.value = model.get("words");
  box.addEventListener("input", () => { model.set("words", box.value); model.save_changes(); });
  const k = optionSlider("k (fake counts)", model.get("k_options"), model.get("k"), set("k"), "k");
  const error = errorLine();
  const vocab = el("div", { "data-out": "vocab" });
  const loss = el("b", { "data-out": "loss" });
  const canvas = heatmapCanvas(16);
  const names = el("div", { "data-out": "names" });
  const namesLabel = el("span");
  const results = el("div", {}, [vocab,
    el("div", { class: "mm-row" }, [el("label", { text: "loss (average NLL)" }), loss]),
    heatmapBox(canvas, "the heatmap of your list's bigram counts (scrolls sideways)",
      "bigram counts: row = first character, column = the next one; . starts and ends a word"),
    el("div", {}, [namesLabel, names])]);
  const limits = `Limits: ${WORDLIST.min_words} to ${groupDigits(WORDLIST.max_words)} words of letters (and ' or -), ` +
    `at most ${WORDLIST.max_word_length} letters a word, ${groupDigits(WORDLIST.max_text)} characters, ` +
    `${groupDigits(WORDLIST.max_lines)} lines and ${WORDLIST.max_chars} different letters.`;
  root.append(box, el("div", { class: "mm-note", text: limits }), k.row, error, results);

  const update = timed(root, () => {
    const text = model.get("words");
    // a list over a size limit (from Python) is not put in the box: laying it out alone would freeze the page
    if (box.value !== text && !listSizeError(text)) box.value = text;
    k.set(model.get("k"));
    const parsed = parseWords(text);
    error.show(parsed.error);
    results.style.display = parsed.error ? "none" : "";
    names.replaceChildren();
    if (parsed.error) return;
    const counts = countBigrams(parsed.words, parsed.itos);
    const P = bigramProbs(counts, model.get("k"));
    vocab.textContent = `${parsed.words.length} words, ${parsed.itos.length} characters: ${parsed.itos.join(" ")}`;
    loss.textContent = fmtLoss(countsNll(counts, P));
    canvas.draw(counts, Math.max(...counts.flat()), `bigram counts of your list, ${parsed.itos.length} by ${parsed.itos.length}`, parsed.itos);
    namesLabel.textContent = `${model.get("n")} words sampled (seed ${model.get("seed")}): `;
    names.replaceChildren(...chips(sampleNames(P, model.get("seed"), model.get("n"), parsed.itos)));
  }, error);
  guardPaste(box, listSizeError, error, update);
  for (const name of ["words", "k", "seed", "n"]) model.on(`change:${name}`, update);
  update();
}

export default { render };
