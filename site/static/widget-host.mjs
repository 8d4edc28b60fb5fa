// The book's widget host: renders the page's anywidget widgets with no kernel, no require.js, no CDN.
//
// A built chapter holds, from the notebook's execution:
//   - one <script type="application/vnd.jupyter.widget-state+json"> with every widget model's saved state
//     (an anywidget model's state includes its front-end module as source text, `_esm`, and maybe `_css`);
//   - one <script type="application/vnd.jupyter.widget-view+json">{"model_id": ...}</script> per widget output,
//     followed (site/ext/site_assets.py) by a `.mm-fallback` block: the picture or table Python rendered.
// For each view this module makes a small model over a copy of the saved state, imports the `_esm` source from a
// Blob URL (once per distinct source) and runs the anywidget front-end contract: `initialize({ model })` once per
// model, then `render({ model, el })` per view. When the render succeeds the snapshot is removed; when it fails,
// or the model is not an anywidget (a plain ipywidgets widget needs a kernel), the snapshot stays, with a line
// saying why. `model.save_changes()` and `model.send()` have no kernel to reach and do nothing.
//
// When every view is settled, <html> gets data-widgets="ready" (or "failed" if any view failed) and
// `window.widgetHost.readyAt` holds performance.now() at that moment: the tests and the benchmark read them.

const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

// A widget model without a kernel: the saved state, change events, and no-op sync.
class Model {
  constructor(state) {
    this.state = { ...state };
    this.handlers = new Map(); // event name -> [callback, context][]
  }

  get(name) {
    return this.state[name];
  }

  // set("x", 1) or set({ x: 1, y: 2 }): fires "change:x" for each changed key, then "change", as Backbone does.
  set(name, value) {
    const changes = typeof name === "object" && name !== null ? name : { [name]: value };
    const changed = Object.keys(changes).filter((key) => !Object.is(this.state[key], changes[key]));
    Object.assign(this.state, changes);
    for (const key of changed) this.emit(`change:${key}`, this, this.state[key]);
    if (changed.length) this.emit("change", this);
  }

  on(event, callback, context) {
    for (const name of event.split(/\s+/)) {
      if (!this.handlers.has(name)) this.handlers.set(name, []);
      this.handlers.get(name).push([callback, context]);
    }
  }

  off(event, callback) {
    const names = event ? event.split(/\s+/) : [...this.handlers.keys()];
    for (const name of names) {
      const kept = callback ? (this.handlers.get(name) || []).filter(([cb]) => cb !== callback) : [];
      this.handlers.set(name, kept);
    }
  }

  emit(event, ...args) {
    for (const [callback, context] of [...(this.handlers.get(event) || [])]) callback.apply(context, args);
  }

  save_changes() {} // no kernel to sync with: the state lives in the page

  send() {} // custom messages go to Python, and there is none here

  get widget_manager() {
    return { get_model: async (id) => models.get(String(id).replace(/^IPY_MODEL_/, "")) };
  }
}

const models = new Map(); // model_id -> Model
const modules = new Map(); // _esm source -> Promise of the widget definition
const initialized = new Map(); // model_id -> Promise of initialize()

function savedState() {
  const script = document.querySelector(STATE);
  return script ? JSON.parse(script.textContent).state || {} : {};
}

// The widget definition an `_esm` module exports: { initialize?, render } directly, as a (possibly async)
// function returning it, or as named exports.
async function definition(source) {
  if (!modules.has(source)) {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    modules.set(source, import(url).finally(() => URL.revokeObjectURL(url)).then(async (mod) => {
      const found = mod.default ?? mod;
      return typeof found === "function" ? await found() : found;
    }));
  }
  return modules.get(source);
}

function addStyle(css) {
  if (!css || document.querySelector(`style[data-widget-css="${cssKey(css)}"]`)) return;
  const style = document.createElement("style");
  style.dataset.widgetCss = cssKey(css);
  style.textContent = css;
  document.head.append(style);
}

function cssKey(css) {
  let hash = 0;
  for (let i = 0; i < css.length; i++) hash = (hash * 31 + css.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(16);
}

function note(container, text) {
  const line = document.createElement("p");
  line.className = "mm-widget-note";
  line.textContent = text;
  (container.querySelector(".mm-fallback") || container).prepend(line);
}

async function renderView(script, saved) {
  const container = script.parentElement;
  const id = JSON.parse(script.textContent).model_id;
  const entry = saved[id];
  if (!entry || entry.model_module !== "anywidget" || typeof entry.state._esm !== "string") {
    note(container, "This widget runs only with Python (open the chapter in Jupyter, Binder or Colab).");
    return false;
  }
  if (!models.has(id)) models.set(id, new Model(entry.state));
  const model = models.get(id);
  const el = document.createElement("div");
  el.className = ["mm-widget", ...(model.get("_dom_classes") || [])].join(" ");
  try {
    addStyle(model.get("_css"));
    const widget = await definition(model.get("_esm"));
    if (!initialized.has(id)) initialized.set(id, Promise.resolve(widget.initialize?.({ model })));
    await initialized.get(id);
    script.after(el);
    await widget.render({ model, el });
    container.querySelectorAll(".mm-fallback").forEach((snapshot) => snapshot.remove());
    return true;
  } catch (error) {
    el.remove();
    console.warn("widget", id, "could not render:", error);
    note(container, `The live widget could not start (${error && error.message ? error.message : error}).`);
    return false;
  }
}

async function main() {
  const views = [...document.querySelectorAll(VIEW)];
  let saved = {};
  try {
    saved = savedState();
  } catch (error) {
    console.warn("the page's widget state could not be read:", error);
  }
  const results = await Promise.all(views.map((script) => renderView(script, saved)));
  window.widgetHost.readyAt = performance.now();
  document.documentElement.dataset.widgets = results.every(Boolean) ? "ready" : "failed";
  return results;
}

window.widgetHost = { models, readyAt: null };
window.widgetHost.ready = main();
