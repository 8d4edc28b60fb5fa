// What the reader has done (predictions answered, exercise parts right), remembered in this browser only
// (localStorage, one key); nothing leaves the page. With storage blocked the page keeps it in memory for the
// visit, and every check still works. The site's check-yourself.mjs reads the same key.

export const KEY = "makemore-book:progress";
const memory = {};

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked (a privacy setting, a sandboxed frame)
  }
}

export function load() {
  try {
    const saved = JSON.parse(storage()?.getItem(KEY) || "{}");
    return { ...saved, ...memory };
  } catch {
    return { ...memory };
  }
}

// Remember one thing done ("predict:1.length" -> { guess }, "check:2.1a" -> { right }) and tell the page.
export function remember(id, value) {
  memory[id] = value;
  try {
    storage()?.setItem(KEY, JSON.stringify({ ...load(), [id]: value }));
  } catch {
    // storage blocked or full: memory keeps it for this visit
  }
  try {
    document.dispatchEvent(new CustomEvent("mm-progress", { detail: { id, value } }));
  } catch {
    // no document (node tests)
  }
}

export function recall(id) {
  return load()[id];
}

try {
  document.addEventListener("mm-progress-forget", () => { for (const key of Object.keys(memory)) delete memory[key]; });
} catch {
  // no document (node tests)
}
