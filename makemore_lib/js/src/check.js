// Check yourself in the page: what a prediction says (`judge`, the twin of live/predict.py's predict_message) and
// what an exercise check says (`checkAnswer`, the twin of exercises.check for number, word and list parts, from
// the data export_checks() embeds). Every text comes from Python through the widget's state; none is written here.

import { pyG, pyRepr } from "./maths.js";

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
const halfUp = (x) => Math.floor(x + 0.5);

// Python's float() of what a reader types: digits, a decimal point, an exponent; commas and a % dropped.
export function parseNumber(text) {
  const cleaned = String(text).trim().replace(/%$/, "").replace(/,/g, "").trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

// f"{x:,.{d}f}"
export function fmtFixed(x, decimals) {
  return x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const roundTo = (x, d) => Number(x.toFixed(d));

// A prediction answered with `guess` (text as typed; "" skips): { message, done }. A guess that is not a number
// (or not one of the choices) gets a message, and done is false.
export function judge(p, guess) {
  const t = p.texts;
  const unit = p.unit ? ` ${p.unit}` : "";
  const answer = p.kind === "number" ? fmtFixed(p.answer, p.decimals) + unit : String(p.answer);
  const text = String(guess).trim();
  if (!text) return { message: fill(t.skipped, { what: p.what, answer }), done: true, skipped: true };
  if (p.kind === "number") {
    const value = parseNumber(text);
    if (value === null) return { message: fill(t.not_a_number, { shown: pyRepr(text) }), done: false };
    const head = fill(t.number, { guess: text.replace(/%$/, "").trim() + unit, what: p.what, answer });
    const a = p.answer;
    let tail;
    if (roundTo(value, p.decimals) === roundTo(a, p.decimals)) tail = t.exact;
    else if (a !== 0 && Math.abs(value - a) <= p.near * Math.abs(a)) {
      tail = fill(t.close, { percent: Math.max(1, halfUp((100 * Math.abs(value - a)) / Math.abs(a))) });
    } else if (a !== 0 && value !== 0 && value * a > 0 && Math.max(value / a, a / value) >= 2) {
      tail = fill(t.factor_off, { factor: Math.max(value / a, a / value).toFixed(1) });
    } else if (a !== 0) tail = fill(t.percent_off, { percent: halfUp((100 * Math.abs(value - a)) / Math.abs(a)) });
    else tail = t.wrong;
    return { message: `${head} ${tail}`, done: true, right: tail === t.exact || tail.startsWith(t.close.split("{")[0]) };
  }
  const said = text.toLowerCase();
  if (p.choices.length && !p.choices.some((c) => c.toLowerCase() === said)) {
    return { message: fill(t.not_a_choice, { choices: p.choices.join(", ") }), done: false };
  }
  const right = said === String(p.answer).trim().toLowerCase();
  const head = fill(t.choice, { guess: text, what: p.what, answer });
  return { message: `${head} ${right ? t.right : t.wrong}`, done: true, right };
}

// exercises._word: spaces and quotes around, case ignored.
const word = (text) => String(text).trim().replace(/^['"]+|['"]+$/g, "").trim().toLowerCase();
// A list typed in a box: items separated by commas or spaces, each read as a word.
const items = (text) => String(text).split(/[,\s]+/).map(word).filter((x) => x !== "");

// exercises._matches for one exported part: is `answer` (already read) the value `v`?
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
  if (m.same_items) return false; // checked before the others, as Python does
  if ("above" in m) return part.kind === "number" && answer > m.above;
  if ("any" in m) return m.any.some((v) => matches(part, answer, v));
  return matches(part, answer, m.value);
}

// The answer as Python's _check_value shows it in {answer}.
function shown(part, answer) {
  if (part.kind === "number") {
    const whole = Number.isInteger(answer) && part.scale !== "log" && part.tolerance === 0;
    return whole ? fmtFixed(answer, 0) : pyG(answer);
  }
  if (part.kind === "list") return "[" + answer.map((x) => pyRepr(x)).join(", ") + "]";
  return answer;
}

// One exported part (export_checks()[pid]) checked against what the reader typed: { message, right, mistake }.
// A number part given something that is not a number gets `invalid` (the page's own words, in part.invalid).
export function checkAnswer(part, text) {
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
  if (part.kind === "list" && [...answer].sort().join("\u0000") === [...part.expected].sort().join("\u0000")) {
    const order = msg.mistakes.find((m) => m.same_items);
    if (order) return { message: say(order.message), right: false, mistake: "order" };
  }
  const found = msg.mistakes.find((m) => mistakeMatches(part, answer, m));
  return found ? { message: say(found.message), right: false, mistake: found.name }
    : { message: say(msg.wrong), right: false, mistake: null };
}
