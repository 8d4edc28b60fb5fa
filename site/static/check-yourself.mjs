// Check yourself, in the site (site/ext/site_assets.py adds this module to pages with a prediction or a check):
//   - the cell after a prediction (the one that shows the answer) stays folded until the reader has committed a
//     guess or chosen to skip; a button opens it any time (aria-expanded says which). The Predict widget
//     announces an answer with a bubbling "mm-predict" event. Where scripts are off nothing is folded.
//   - the Exercises section shows what the reader has done in this chapter (predictions answered, exercise parts
//     checked right), remembered in this browser only (localStorage; the widgets write it, js/src/progress.js),
//     with a button to forget it. With storage blocked the page remembers for the visit.

const KEY = "makemore-book:progress";
const memory = {};
let forgotten = false;

function stored() {
  try {
    return JSON.parse(window.localStorage.getItem(KEY) || "{}");
  } catch {
    return {};
  }
}

const progress = () => (forgotten ? { ...memory } : { ...stored(), ...memory });

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

// --- the answer cell, folded until the reader has answered -----------------------------------------------------

const folds = new Map(); // prediction key -> { open() }
let foldCount = 0;

function fold(marker) {
  const key = marker.dataset.predict;
  const cell = marker.closest(".cell");
  const answer = cell && cell.nextElementSibling;
  if (!key || folds.has(key) || !answer || !answer.classList.contains("cell")) return;
  const id = answer.id || `mm-answer-${++foldCount}`;
  answer.id = id;
  const button = el("button", { type: "button", class: "mm-reveal-button", "aria-expanded": "false",
    "aria-controls": id, "data-reveal": key }, "Show the answer");
  const note = el("span", { class: "mm-reveal-note" },
    "The answer comes next: commit your prediction above, or open it now.");
  const bar = el("div", { class: "mm-reveal" });
  bar.append(button, note);
  answer.before(bar);
  // the answer cell, and the prose right after it that tells the answer (up to the next cell, prompt or heading)
  const hidden = [answer];
  for (let next = answer.nextElementSibling; next && !next.matches(".cell, blockquote, section, h1, h2, h3, h4, .mm-reveal");
    next = next.nextElementSibling) hidden.push(next);
  hidden.forEach((node) => node.classList.add("mm-folded")); // printed open (check-yourself.css)
  const set = (open) => {
    hidden.forEach((node) => { node.hidden = !open; });
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide the answer" : "Show the answer";
    note.hidden = open;
  };
  button.addEventListener("click", () => set(answer.hidden));
  folds.set(key, { open: () => set(true) });
  set(Boolean(progress()[`predict:${key}`]));
}

document.querySelectorAll("[data-predict]").forEach(fold);

document.addEventListener("mm-predict", (event) => {
  const key = event.detail && event.detail.key;
  if (folds.has(key)) folds.get(key).open();
});

// --- what the reader has done, in the Exercises section ----------------------------------------------------------

let box;

function drawProgress() {
  const done = progress();
  const predictions = [...folds.keys()];
  const answered = predictions.filter((k) => done[`predict:${k}`]);
  const parts = [...document.querySelectorAll("[data-exercise]")].map((n) => n.dataset.exercise);
  const right = Object.keys(done).filter((k) => k.startsWith("check:") && done[k].right).map((k) => k.slice(6))
    .filter((part) => parts.some((ex) => part.startsWith(ex))).sort();
  box.querySelector(".mm-progress-text").textContent =
    `Predictions answered in this chapter: ${answered.length} of ${predictions.length}. ` +
    `Exercise parts checked right: ${right.length ? right.join(", ") : "none yet"}.`;
  document.querySelectorAll("section h3").forEach((h) => {
    const m = /Exercise (\d+\.\d+)/.exec(h.textContent);
    if (!m) return;
    let badge = h.querySelector(".mm-done");
    const parts = right.filter((p) => p.startsWith(m[1]));
    if (!parts.length) { badge?.remove(); return; }
    if (!badge) { badge = el("span", { class: "mm-done" }); h.firstChild ? h.insertBefore(badge, h.lastChild) : h.append(badge); }
    badge.textContent = ` ✓ ${parts.join(", ")} right`;
  });
}

function progressBox() {
  const heading = [...document.querySelectorAll("section > h2")].find((h) => /^Exercises/.test(h.textContent.trim()));
  if (!heading || !folds.size && !document.querySelector("[data-exercise]")) return;
  box = el("div", { class: "mm-progress", role: "region", "aria-label": "Your progress" });
  const text = el("p", { class: "mm-progress-text", "aria-live": "polite" });
  const note = el("p", { class: "mm-progress-note" },
    "Kept in this browser only: nothing leaves the page.");
  const forget = el("button", { type: "button", class: "mm-progress-forget" }, "Forget my progress");
  forget.addEventListener("click", () => {
    try {
      window.localStorage.removeItem(KEY);
    } catch {
      // storage blocked: there is only the memory to clear
    }
    for (const key of Object.keys(memory)) delete memory[key];
    forgotten = false;
    document.dispatchEvent(new CustomEvent("mm-progress-forget"));
    drawProgress();
  });
  note.append(" ", forget);
  box.append(text, note);
  heading.after(box);
  drawProgress();
}

document.addEventListener("mm-progress", (event) => {
  const { id, value } = event.detail || {};
  if (id) memory[id] = value;
  if (box) drawProgress();
});

progressBox();
