// ipywidgets' static widget manager (@jupyter-widgets/html-manager, 1.0.6 to 1.0.15) typesets every widget label
// with MathJax 2's `MathJax.Hub.Queue` whenever `window.MathJax` exists. Sphinx loads MathJax 3, which has no
// `Hub`: on a page with both math and widgets the call throws and the widgets never render. This gives the
// MathJax object (Sphinx's config object, then MathJax 3 itself) a `Hub.Queue` that uses MathJax 3's typeset.
// Checked by tests/test_site_browser.py (every built page: widgets rendered, no console errors).
(function () {
  var hub = {
    Queue: function (job) {
      var element = job && job[2];
      var mathjax = window.MathJax;
      if (element && mathjax && typeof mathjax.typesetPromise === "function") {
        mathjax.typesetPromise([element]).catch(function () {});
      }
    },
  };
  function attach(value) {
    if (value && typeof value === "object" && !value.Hub) {
      Object.defineProperty(value, "Hub", { value: hub, enumerable: false, configurable: true });
    }
    return value;
  }
  var current = attach(window.MathJax);
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    get: function () { return current; },
    set: function (value) { current = attach(value); },
  });
})();
