// ScoreNameWidget: type a name, see the probability of each of its bigrams and the name's average NLL.

import { nameError, nameNll, nameTooLong, scoreName } from "../maths.js";
import { el, errorLine, fmtLoss, follow, frame, guardPaste, timed } from "../ui.js";

function render({ model, el: host }) {
  const root = frame(host, "score", "Score a name");
  const P = model.get("probs");
  const box = el("input", { type: "text", value: model.get("name"), "aria-label": "name", "data-control": "name",
    placeholder: "type a name, a-z" });
  box.addEventListener("input", () => { model.set("name", box.value); model.save_changes(); });
  const error = errorLine();
  const nll = el("b", { "data-out": "nll" });
  const body = el("tbody");
  const table = el("table", {}, [el("thead", {}, [el("tr", {}, [el("th", { text: "bigram" }),
    el("th", { text: "probability" }), el("th", { text: "log-probability" })])]), body]);
  const summary = el("div", { class: "mm-row" }, [el("label", { text: "average NLL" }), nll]);
  root.append(el("div", { class: "mm-row" }, [el("label", { text: "name" }), box]), error, summary, table);

  const update = timed(root, () => {
    const name = model.get("name");
    follow(box, name);
    const err = nameError(name);
    error.show(err);
    summary.style.display = table.style.display = err ? "none" : "";
    nll.textContent = "";
    body.replaceChildren();
    if (err) return;
    const scores = scoreName(name, P);
    body.replaceChildren(...scores.map((s) => el("tr", {}, [el("td", {}, [el("code", { text: s.bigram })]),
      el("td", { text: s.prob.toFixed(4) }), el("td", { text: Number.isFinite(s.logprob) ? s.logprob.toFixed(4) : "-∞" })])));
    nll.textContent = fmtLoss(nameNll(name, P));
  }, error);
  guardPaste(box, nameTooLong, error, update);
  model.on("change:name", update);
  update();
}

export default { render };
