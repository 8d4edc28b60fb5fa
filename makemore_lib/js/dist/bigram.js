// makemore_lib/js/src/limits.js
var CHARS = ".abcdefghijklmnopqrstuvwxyz";
var MAX_NAME_LENGTH = 100;
var RARE_BELOW = 10;

// makemore_lib/js/src/maths.js
function groupDigits(n) {
  const text = String(n);
  const sign = text.startsWith("-") ? "-" : "";
  return sign + text.slice(sign.length).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
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
function describe(ch) {
  const shown = pyRepr(ch);
  if (printable(ch) && !/[\s\u001c-\u001f\u0085]/u.test(ch)) return shown;
  return `${shown} (U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")})`;
}
function spaceHint(ch) {
  if (ch === "\r" || ch === "\n") return " (lines read with readlines() keep their newline: use read().splitlines())";
  return /[\s\u001c-\u001f\u0085]/u.test(ch) ? " (strip spaces first: name.strip())" : "";
}
function shortRepr(text) {
  const shown = [...pyRepr(text)];
  return shown.length <= 40 ? shown.join("") : shown.slice(0, 37).join("") + "...";
}
function charCount(text) {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 55296 && c <= 56319) {
      const d = text.charCodeAt(i + 1);
      if (d >= 56320 && d <= 57343) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}
function nameError(name, what = "name") {
  if (typeof name !== "string") return `${what} must be a str, not ${name === null ? "NoneType" : typeof name}`;
  const size = charCount(name);
  if (!size) return `${what} is empty: a name needs at least one letter a-z`;
  if (size > MAX_NAME_LENGTH)
    return `${what} is ${groupDigits(size)} characters long: the longest name accepted has ${MAX_NAME_LENGTH}`;
  const chars = [...name];
  for (let pos = 0; pos < chars.length; pos++) {
    const ch = chars[pos];
    if (ch === "." || !CHARS.includes(ch) || ch.length !== 1)
      return `${what} ${shortRepr(name)} has ${describe(ch)} at position ${pos}, which is not a lowercase letter a-z` + spaceHint(ch);
  }
  return null;
}
function nameTooLong(name, what = "name") {
  return charCount(name) > MAX_NAME_LENGTH ? nameError(name, what) : null;
}
function bigrams(name) {
  const chars = [".", ...name, "."];
  return chars.slice(1).map((ch, i) => chars[i] + ch);
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
function frame(host, kind, title) {
  const root = el("div", { class: "mm-live", "data-widget": kind });
  if (title) root.append(el("div", { style: "font-weight:600", text: title }));
  host.append(root);
  return root;
}
function errorLine(out = "error") {
  const line = el("div", { class: "mm-error", role: "alert", "data-out": out });
  line.show = (message) => {
    line.textContent = message ? "\u26A0 " + message : "";
  };
  return line;
}
function timed(root, update, error) {
  return (...args) => {
    const start = performance.now();
    try {
      update(...args);
    } catch (err) {
      if (!error) throw err;
      error.show(err.message);
    }
    root.dataset.updateMs = (performance.now() - start).toFixed(2);
  };
}
var NATIVE_PASTE = { chars: 1e4, lines: 1e3 };
function guardPaste(box, tooBig, error, redo) {
  let refused = false;
  const take = (event, text, start, end) => {
    const result = box.value.slice(0, start) + text + box.value.slice(end);
    const message = tooBig(box.tagName === "INPUT" ? result.replace(/[\r\n]/g, "") : result);
    if (!message && text.length <= NATIVE_PASTE.chars && text.split("\n").length <= NATIVE_PASTE.lines) return;
    event.preventDefault();
    if (message) {
      refused = true;
      error.show(message);
      return;
    }
    box.setRangeText(text, start, end, "end");
    box.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
  };
  box.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text/plain");
    if (typeof text === "string") take(event, text, box.selectionStart, box.selectionEnd);
  });
  box.addEventListener("drop", (event) => {
    const text = event.dataTransfer?.getData("text/plain");
    if (typeof text === "string" && tooBig(box.value + text)) take(event, text, box.value.length, box.value.length);
  });
  box.addEventListener("input", () => {
    if (refused) {
      refused = false;
      redo();
    }
  });
}
function follow(box, value) {
  if (box.value !== value) box.value = value;
}

// makemore_lib/js/src/widgets/bigram.js
function rarity(count) {
  return count === 0 ? "never" : count < RARE_BELOW ? "rare" : "";
}
function tile(bigram, count) {
  const mark = rarity(count);
  return el("div", { class: `mm-tile${mark ? " mm-" + mark : ""}`, role: "listitem" }, [
    el("code", { class: "mm-tile-pair", text: bigram }),
    el("span", { class: "mm-tile-count", "data-count": String(count), text: count.toLocaleString("en-US") }),
    el("span", { class: "mm-tile-mark", text: mark || " " })
  ]);
}
function render({ model, el: host }) {
  const root = frame(host, "bigram", "");
  const counts = model.get("counts");
  const total = counts.flat().reduce((a, b) => a + b, 0);
  const box = el("input", {
    type: "text",
    value: model.get("name"),
    "aria-label": "name",
    "data-control": "name",
    placeholder: "type a name, a-z"
  });
  box.addEventListener("input", () => {
    model.set("name", box.value);
    model.save_changes();
  });
  const error = errorLine();
  const tiles = el("div", { class: "mm-tiles", "data-out": "bigrams", role: "list" });
  const summary = el("div", { "data-out": "summary" });
  root.append(
    el("div", { class: "mm-row" }, [el("label", { text: "name" }), box]),
    error,
    tiles,
    summary,
    el("div", { class: "mm-note", text: `Under each bigram: how many times it occurs among the ${total.toLocaleString("en-US")} bigrams of the names. Marked rare: fewer than ${RARE_BELOW} times; never: not once.` })
  );
  const update = timed(root, () => {
    const name = model.get("name");
    follow(box, name);
    const err = nameError(name);
    error.show(err);
    const found = err ? [] : bigrams(name);
    const seen = found.map((b) => counts[CHARS.indexOf(b[0])][CHARS.indexOf(b[1])]);
    tiles.replaceChildren(...found.map((b, i) => tile(b, seen[i])));
    const never = found.filter((_, i) => seen[i] === 0), rare = found.filter((_, i) => rarity(seen[i]) === "rare");
    summary.textContent = err ? "" : never.length ? `${never.length} of ${found.length} bigrams never occur in the names: ${never.join(" ")}.` : rare.length ? `Every bigram occurs, but ${rare.join(" ")} only rarely.` : `Every one of the ${found.length} bigrams occurs at least ${RARE_BELOW} times in the names.`;
  }, error);
  guardPaste(box, nameTooLong, error, update);
  model.on("change:name", update);
  update();
}
var bigram_default = { render };
export {
  bigram_default as default
};
