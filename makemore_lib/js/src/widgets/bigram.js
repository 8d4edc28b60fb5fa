// BigramExplorer (chapter 1): type a name and see its bigrams, with the "." token added at both ends.

import { bigrams, nameError, nameTooLong } from "../maths.js";
import { chips, el, errorLine, follow, frame, guardPaste, timed } from "../ui.js";

function render({ model, el: host }) {
  const root = frame(host, "bigram", "");
  const box = el("input", { type: "text", value: model.get("name"), "aria-label": "name", "data-control": "name",
    placeholder: "type a name, a-z" });
  box.addEventListener("input", () => { model.set("name", box.value); model.save_changes(); });
  const error = errorLine();
  const count = el("span", { "data-out": "count" });
  const pairs = el("div", { "data-out": "bigrams" });
  root.append(el("div", { class: "mm-row" }, [el("label", { text: "name" }), box]), error,
    el("div", {}, [count, pairs]));

  const update = timed(root, () => {
    const name = model.get("name");
    follow(box, name);
    const err = nameError(name);
    error.show(err);
    const found = err ? [] : bigrams(name);
    count.textContent = err ? "" : `${found.length} bigrams: `;
    pairs.replaceChildren(...chips(found));
  }, error);
  guardPaste(box, nameTooLong, error, update);
  model.on("change:name", update);
  update();
}

export default { render };
