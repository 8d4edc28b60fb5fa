// makemore_lib/js/src/maths.js
function pyG(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, exp] = x.toExponential(5).split("e");
  const e = Number(exp);
  const strip = (s) => s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  if (e < -4 || e >= 6) return `${strip(mantissa)}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  return strip(x.toFixed(Math.max(0, 5 - e)));
}
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
function parseNumber(text) {
  const cleaned = String(text).trim().replace(/%$/, "").replace(/,/g, "").trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}
function fmtFixed(x, decimals) {
  return x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
var word = (text) => String(text).trim().replace(/^['"]+|['"]+$/g, "").trim().toLowerCase();
var items = (text) => String(text).split(/[,\s]+/).map(word).filter((x) => x !== "");
function matches(part, answer, v) {
  if (part.kind === "list") return Array.isArray(v) && v.length === answer.length && v.every((x, i) => x === answer[i]);
  if (part.kind !== "number") return answer === v;
  if (part.scale === "log") {
    return Math.min(answer, v) <= 0 ? answer === v : Math.max(answer / v, v / answer) <= part.tolerance;
  }
  const tol = part.tolerance + 1e-9 * Math.max(1, Math.abs(v));
  const candidates = part.unit === "percent" ? [answer, 100 * answer] : [answer];
  return answer === v || candidates.some((a) => Math.abs(a - v) <= tol);
}
function mistakeMatches(part, answer, m) {
  if (m.same_items) return false;
  if ("above" in m) return part.kind === "number" && answer > m.above;
  if ("any" in m) return m.any.some((v) => matches(part, answer, v));
  return matches(part, answer, m.value);
}
function shown(part, answer) {
  if (part.kind === "number") {
    const whole = Number.isInteger(answer) && part.scale !== "log" && part.tolerance === 0;
    return whole ? fmtFixed(answer, 0) : pyG(answer);
  }
  if (part.kind === "list") return "[" + answer.map((x) => pyRepr(x)).join(", ") + "]";
  return answer;
}
function checkAnswer(part, text) {
  let answer;
  if (part.kind === "number") {
    answer = parseNumber(text);
    if (answer === null) return { message: null, right: false, invalid: true };
  } else if (part.kind === "list") answer = items(text);
  else answer = word(text);
  const values = { answer: shown(part, answer) };
  const msg = part.messages;
  const say = (template) => fill(template, values);
  if (matches(part, answer, part.expected)) return { message: say(msg.right), right: true, mistake: null };
  if (part.kind === "list" && [...answer].sort().join("\0") === [...part.expected].sort().join("\0")) {
    const order = msg.mistakes.find((m) => m.same_items);
    if (order) return { message: say(order.message), right: false, mistake: "order" };
  }
  const found = msg.mistakes.find((m) => mistakeMatches(part, answer, m));
  return found ? { message: say(found.message), right: false, mistake: found.name } : { message: say(msg.wrong), right: false, mistake: null };
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

// makemore_lib/js/src/widgets/check.js
var count = 0;
var fill2 = (template, values) => template.replace(/\{(\w+)\}/g, (m, key) => key in values ? String(values[key]) : m);
function render({ model, el: host }) {
  const texts = model.get("texts");
  const exercise = model.get("exercise");
  const root = el("div", { class: "mm-cy mm-check", "data-widget": "check", "data-exercise": exercise });
  root.append(el("div", { class: "mm-cy-title", text: fill2(texts.title, { exercise }) }));
  for (const part of model.get("parts")) {
    const id = `mm-check-${++count}`;
    const box = el("input", {
      type: "text",
      id,
      autocomplete: "off",
      "data-control": part.part,
      inputmode: part.kind === "number" ? "decimal" : "text"
    });
    const button = el("button", { type: "button", "data-control": `check-${part.part}`, text: "Check" });
    const message = el("div", { class: "mm-cy-message", role: "status", "aria-live": "polite", "data-out": part.part });
    const asks = part.asks + (part.kind === "list" ? ` (${texts.list_help})` : "");
    root.append(el("div", { class: "mm-cy-part" }, [
      el("label", { for: id, text: `${part.part}: ${asks}` }),
      el("div", { class: "mm-cy-row" }, [box, button]),
      message
    ]));
    const check = () => {
      const text = box.value;
      if (!text.trim()) {
        message.textContent = texts.empty;
        message.className = "mm-cy-message";
        return;
      }
      const result = checkAnswer(part, text);
      message.textContent = result.invalid ? fill2(texts.invalid, { shown: pyRepr(text.trim()) }) : result.message;
      message.className = "mm-cy-message" + (result.invalid ? "" : result.right ? " mm-cy-right" : " mm-cy-wrong");
      if (result.right) remember(`check:${part.part}`, { right: true, answer: text });
    };
    button.addEventListener("click", check);
    box.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        check();
      }
    });
    const saved = recall(`check:${part.part}`);
    if (saved && saved.right && typeof saved.answer === "string") {
      box.value = saved.answer;
      check();
    }
  }
  host.append(root);
}
var check_default = { render };
export {
  check_default as default
};
