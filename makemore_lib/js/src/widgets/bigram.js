// BigramExplorer (chapter 1): type a name and see its bigrams, with the "." token added at both ends, and how
// many times the names of the dataset have each one; the rare ones (fewer than RARE_BELOW) are marked.

import { CHARS, RARE_BELOW } from "../limits.js";
import { bigrams, nameError, nameTooLong } from "../maths.js";
import { el, errorLine, follow, frame, guardPaste, timed } from "../ui.js";

// live.bigram.rarity
function rarity(count) {
  return count === 0 ? "never" : count < RARE_BELOW ? "rare" : "";
}

function tile(bigram, count) {
  const mark = rarity(count);
  return el("div", { class: `mm-tile${mark ? " mm-" + mark : ""}`, role: "listitem" }, [
    el("code", { class: "mm-tile-pair", text: bigram }),
    el("span", { class: "mm-tile-count", "data-count": String(count), text: count.toLocaleString("en-US") }),
    el("span", { class: "mm-tile-mark", text: mark || " " }),
  ]);
}

function render({ model, el: host }) {
  const root = frame(host, "bigram", "");
  const counts = model.get("counts");
  const total = counts.flat().reduce((a, b) => a + b, 0);
  const box = el("input", { type: "text", value: model.get("name"), "aria-label": "name", "data-control": "name",
    placeholder: "type a name, a-z" });
  box.addEventListener("input", () => { model.set("name", box.value); model.save_changes(); });
  const error = errorLine();
  const tiles = el("div", { class: "mm-tiles", "data-out": "bigrams", role: "list" });
  const summary = el("div", { "data-out": "summary" });
  root.append(el("div", { class: "mm-row" }, [el("label", { text: "name" }), box]), error, tiles, summary,
    el("div", { class: "mm-note", text: `Under each bigram: how many times it occurs among the ${total.toLocaleString("en-US")} ` +
      `bigrams of the names. Marked rare: fewer than ${RARE_BELOW} times; never: not once.` }));

  const update = timed(root, () => {
    const name = model.get("name");
    follow(box, name);
    const err = nameError(name);
    error.show(err);
    const found = err ? [] : bigrams(name);
    const seen = found.map((b) => counts[CHARS.indexOf(b[0])][CHARS.indexOf(b[1])]);
    tiles.replaceChildren(...found.map((b, i) => tile(b, seen[i])));
    const never = found.filter((_, i) => seen[i] === 0), rare = found.filter((_, i) => rarity(seen[i]) === "rare");
    summary.textContent = err ? "" : never.length ? `${never.length} of ${found.length} bigrams never occur in the names: ${never.join(" ")}.`
      : rare.length ? `Every bigram occurs, but ${rare.join(" ")} only rarely.`
        : `Every one of the ${found.length} bigrams occurs at least ${RARE_BELOW} times in the names.`;
  }, error);
  guardPaste(box, nameTooLong, error, update);
  model.on("change:name", update);
  update();
}

export default { render };
