// makemore_lib/js/src/maths.js
function reprChar(ch, quote) {
  if (ch === "\\") return "\\\\";
  if (ch === quote) return "\\" + quote;
  if (ch === "	") return "\\t";
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (printable(ch)) return ch;
  const code = ch.codePointAt(0);
  if (code < 256) return "\\x" + code.toString(16).padStart(2, "0");
  if (code < 65536) return "\\u" + code.toString(16).padStart(4, "0");
  return "\\U" + code.toString(16).padStart(8, "0");
}
function printable(ch) {
  return ch === " " || !/[\p{C}\p{Z}]/u.test(ch);
}
function pyRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return quote + [...text].map((ch) => reprChar(ch, quote)).join("") + quote;
}

// makemore_lib/js/src/check.js
var fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, key) => key in values ? String(values[key]) : m);
var halfUp = (x) => Math.floor(x + 0.5);
function parseNumber(text) {
  const cleaned = String(text).trim().replace(/%$/, "").replace(/,/g, "").trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}
function fmtFixed(x, decimals) {
  return x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
var roundTo = (x, d) => Number(x.toFixed(d));
function judge(p, guess) {
  const t = p.texts;
  const unit = p.unit ? ` ${p.unit}` : "";
  const answer = p.kind === "number" ? fmtFixed(p.answer, p.decimals) + unit : String(p.answer);
  const text = String(guess).trim();
  if (!text) return { message: fill(t.skipped, { what: p.what, answer }), done: true, skipped: true };
  if (p.kind === "number") {
    const value = parseNumber(text);
    if (value === null) return { message: fill(t.not_a_number, { shown: pyRepr(text) }), done: false };
    const head2 = fill(t.number, { guess: text.replace(/%$/, "").trim() + unit, what: p.what, answer });
    const a = p.answer;
    let tail;
    if (roundTo(value, p.decimals) === roundTo(a, p.decimals)) tail = t.exact;
    else if (a !== 0 && Math.abs(value - a) <= p.near * Math.abs(a)) {
      tail = fill(t.close, { percent: Math.max(1, halfUp(100 * Math.abs(value - a) / Math.abs(a))) });
    } else if (a !== 0 && value !== 0 && value * a > 0 && Math.max(value / a, a / value) >= 2) {
      tail = fill(t.factor_off, { factor: Math.max(value / a, a / value).toFixed(1) });
    } else if (a !== 0) tail = fill(t.percent_off, { percent: halfUp(100 * Math.abs(value - a) / Math.abs(a)) });
    else tail = t.wrong;
    return { message: `${head2} ${tail}`, done: true, right: tail === t.exact || tail.startsWith(t.close.split("{")[0]) };
  }
  const said = text.toLowerCase();
  if (p.choices.length && !p.choices.some((c) => c.toLowerCase() === said)) {
    return { message: fill(t.not_a_choice, { choices: p.choices.join(", ") }), done: false };
  }
  const right = said === String(p.answer).trim().toLowerCase();
  const head = fill(t.choice, { guess: text, what: p.what, answer });
  return { message: `${head} ${right ? t.right : t.wrong}`, done: true, right };
}

// makemore_lib/js/src/progress.js
var KEY = "makemore-book:progress";
var memory = {};
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
function load() {
  try {
    const saved = JSON.parse(storage()?.getItem(KEY) || "{}");
    return { ...saved, ...memory };
  } catch {
    return { ...memory };
  }
}
function remember(id, value) {
  memory[id] = value;
  try {
    storage()?.setItem(KEY, JSON.stringify({ ...load(), [id]: value }));
  } catch {
  }
  try {
    document.dispatchEvent(new CustomEvent("mm-progress", { detail: { id, value } }));
  } catch {
  }
}
function recall(id) {
  return load()[id];
}
try {
  document.addEventListener("mm-progress-forget", () => {
    for (const key of Object.keys(memory)) delete memory[key];
  });
} catch {
}

// makemore_lib/js/src/ui.js
function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// makemore_lib/js/src/widgets/predict.js
var count = 0;
function render({ model, el: host }) {
  const p = {
    key: model.get("key"),
    what: model.get("what"),
    kind: model.get("kind"),
    answer: model.get("answer"),
    unit: model.get("unit"),
    decimals: model.get("decimals"),
    choices: model.get("choices") || [],
    texts: model.get("texts"),
    near: model.get("near")
  };
  const id = `mm-predict-${++count}`;
  const root = el("div", { class: "mm-cy mm-predict", "data-widget": "predict", "data-predict": p.key });
  const message = el("div", { class: "mm-cy-message", role: "status", "aria-live": "polite", "data-out": "message" });
  let read;
  const controls = [];
  if (p.choices.length) {
    const select = el("select", { id, "data-control": "guess" }, [
      el("option", { value: "", text: "choose\u2026" }),
      ...p.choices.map((choice) => el("option", { value: choice, text: choice }))
    ]);
    controls.push(select);
    read = () => select.value;
    select.addEventListener("change", () => {
      commit.textContent = select.value ? `Commit: ${select.value}` : "Commit";
    });
    root.append(el("div", { class: "mm-cy-row" }, [
      el("label", { for: id, class: "mm-cy-title", text: `Your prediction: ${p.what}` }),
      select
    ]));
  } else {
    const box = el("input", {
      type: "text",
      id,
      inputmode: p.kind === "number" ? "decimal" : "text",
      autocomplete: "off",
      "data-control": "guess"
    });
    controls.push(box);
    read = () => box.value;
    root.append(el("div", { class: "mm-cy-row" }, [
      el("label", { for: id, class: "mm-cy-title", text: `Your prediction: ${p.what}` }),
      box,
      ...p.unit ? [el("span", { class: "mm-cy-unit", text: p.unit })] : []
    ]));
    box.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        commit.click();
      }
    });
  }
  const commit = el("button", { type: "button", "data-control": "commit", text: "Commit" });
  const skip = el("button", { type: "button", class: "mm-cy-quiet", "data-control": "skip", text: "Skip, show me" });
  root.append(el("div", { class: "mm-cy-row" }, [commit, skip]), message);
  host.append(root);
  function show(result, guess) {
    message.textContent = result.message;
    message.className = "mm-cy-message" + (result.done && !result.skipped ? result.right ? " mm-cy-right" : " mm-cy-wrong" : "");
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
    if (!guess.trim()) {
      message.textContent = p.texts.empty;
      return;
    }
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
var predict_default = { render };
export {
  predict_default as default
};
