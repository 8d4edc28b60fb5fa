// Check: one box per number, word or list part of an exercise; the page says what exercises.check says, from the
// expected answers and messages export_checks() embedded when the chapter ran. A part answered right is
// remembered in this browser (progress.js) and shown as done on the next visit.

import { checkAnswer } from "../check.js";
import { pyRepr } from "../maths.js";
import { recall, remember } from "../progress.js";
import { el } from "../ui.js";

let count = 0;
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));

function render({ model, el: host }) {
  const texts = model.get("texts");
  const exercise = model.get("exercise");
  const root = el("div", { class: "mm-cy mm-check", "data-widget": "check", "data-exercise": exercise });
  root.append(el("div", { class: "mm-cy-title", text: fill(texts.title, { exercise }) }));
  for (const part of model.get("parts")) {
    const id = `mm-check-${++count}`;
    const box = el("input", { type: "text", id, autocomplete: "off", "data-control": part.part,
      inputmode: part.kind === "number" ? "decimal" : "text" });
    const button = el("button", { type: "button", "data-control": `check-${part.part}`, text: "Check" });
    const message = el("div", { class: "mm-cy-message", role: "status", "aria-live": "polite", "data-out": part.part });
    const asks = part.asks + (part.kind === "list" ? ` (${texts.list_help})` : "");
    root.append(el("div", { class: "mm-cy-part" }, [
      el("label", { for: id, text: `${part.part}: ${asks}` }),
      el("div", { class: "mm-cy-row" }, [box, button]), message]));
    const check = () => {
      const text = box.value;
      if (!text.trim()) { message.textContent = texts.empty; message.className = "mm-cy-message"; return; }
      const result = checkAnswer(part, text);
      message.textContent = result.invalid ? fill(texts.invalid, { shown: pyRepr(text.trim()) }) : result.message;
      message.className = "mm-cy-message" + (result.invalid ? "" : result.right ? " mm-cy-right" : " mm-cy-wrong");
      if (result.right) remember(`check:${part.part}`, { right: true, answer: text });
    };
    button.addEventListener("click", check);
    box.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); check(); } });
    const saved = recall(`check:${part.part}`);
    if (saved && saved.right && typeof saved.answer === "string") { box.value = saved.answer; check(); }
  }
  host.append(root);
}

export default { render };
