// Predict: the reader commits to a guess (a number with its unit, a choice or a word) before the next cell shows
// the answer; then the widget says how close it was. In the site the next cell stays folded until then
// (book/_static/check-yourself.mjs listens for the "mm-predict" event); in Jupyter it is simply the next to run.

import { judge } from "../check.js";
import { recall, remember } from "../progress.js";
import { el } from "../ui.js";

let count = 0;

function render({ model, el: host }) {
  const p = { key: model.get("key"), what: model.get("what"), kind: model.get("kind"), answer: model.get("answer"),
    unit: model.get("unit"), decimals: model.get("decimals"), choices: model.get("choices") || [],
    texts: model.get("texts"), near: model.get("near") };
  const id = `mm-predict-${++count}`;
  const root = el("div", { class: "mm-cy mm-predict", "data-widget": "predict", "data-predict": p.key });
  const message = el("div", { class: "mm-cy-message", role: "status", "aria-live": "polite", "data-out": "message" });
  let read; // () => the reader's guess as text
  const controls = [];
  if (p.choices.length) {
    const select = el("select", { id, "data-control": "guess" }, [el("option", { value: "", text: "choose…" }),
      ...p.choices.map((choice) => el("option", { value: choice, text: choice }))]);
    controls.push(select);
    read = () => select.value;
    // the button names the choice it commits
    select.addEventListener("change", () => { commit.textContent = select.value ? `Commit: ${select.value}` : "Commit"; });
    root.append(el("div", { class: "mm-cy-row" }, [
      el("label", { for: id, class: "mm-cy-title", text: `Your prediction: ${p.what}` }), select]));
  } else {
    const box = el("input", { type: "text", id, inputmode: p.kind === "number" ? "decimal" : "text",
      autocomplete: "off", "data-control": "guess" });
    controls.push(box);
    read = () => box.value;
    root.append(el("div", { class: "mm-cy-row" }, [
      el("label", { for: id, class: "mm-cy-title", text: `Your prediction: ${p.what}` }),
      box, ...(p.unit ? [el("span", { class: "mm-cy-unit", text: p.unit })] : [])]));
    box.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); commit.click(); } });
  }
  const commit = el("button", { type: "button", "data-control": "commit", text: "Commit" });
  const skip = el("button", { type: "button", class: "mm-cy-quiet", "data-control": "skip", text: "Skip, show me" });
  root.append(el("div", { class: "mm-cy-row" }, [commit, skip]), message);
  host.append(root);

  function show(result, guess) {
    message.textContent = result.message;
    message.className = "mm-cy-message" + (result.done && !result.skipped ? (result.right ? " mm-cy-right" : " mm-cy-wrong") : "");
    if (!result.done) return;
    for (const c of [...controls, commit]) c.disabled = true;
    skip.textContent = "Answer again";
    skip.dataset.control = "again";
    root.dataset.done = "true";
    root.dispatchEvent(new CustomEvent("mm-predict", { bubbles: true, detail: { key: p.key, guess } }));
  }

  function answer(guess) {
    const result = judge(p, guess);
    show(result, guess);
    if (result.done) {
      remember(`predict:${p.key}`, { guess });
      model.set("guess", guess);
      model.save_changes();
    }
  }

  commit.addEventListener("click", () => {
    const guess = read();
    if (!guess.trim()) { message.textContent = p.texts.empty; return; }
    answer(guess);
  });
  skip.addEventListener("click", () => {
    if (skip.dataset.control === "again") {
      for (const c of [...controls, commit]) c.disabled = false;
      skip.textContent = "Skip, show me";
      skip.dataset.control = "skip";
      message.textContent = "";
      controls[0].focus();
      return;
    }
    answer("");
  });

  const saved = recall(`predict:${p.key}`);
  if (saved && typeof saved.guess === "string") {
    controls[0].value = saved.guess;
    show(judge(p, saved.guess), saved.guess);
  }
}

export default { render };
