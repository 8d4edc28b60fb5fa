// Typesets TeX as SVG with MathJax 3, for site/ext/maths.py (which starts it once per build).
//
//   node typeset_maths.cjs MATHJAX_FOLDER
//
// stdin: one JSON request per line, {"tex": "...", "display": true|false} or {"stylesheet": true}.
// stdout: one JSON answer per line, {"html": "<mjx-container ...>"} or {"css": "..."}.
// Each answer is the formula drawn as SVG (glyphs as paths, colour from the text around it) and a hidden MathML
// copy for screen readers (MathJax's assistive-mml). A TeX error comes back drawn as MathJax draws it, with
// the message in a data-mjx-error attribute, so the caller can name the formula.
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const Module = require("module");

const folder = path.resolve(process.argv[2]);

// MathJax's files are CommonJS. A package.json saying "type": "module" above them (a virtual environment
// inside this repository, whose package.json says so) would make node read them as ES modules and fail, so
// they are compiled as CommonJS whatever surrounds them.
const loadJs = Module._extensions[".js"];
Module._extensions[".js"] = (module, filename) =>
  filename.startsWith(folder) ? module._compile(fs.readFileSync(filename, "utf8"), filename) : loadJs(module, filename);

require(path.join(folder, "node-main.js"))
  .init({
    loader: { paths: { mathjax: folder }, load: ["input/tex", "output/svg", "adaptors/liteDOM", "a11y/assistive-mml"] },
    tex: { packages: { "[+]": ["ams"] } },
    svg: { fontCache: "local" }, // each formula holds the glyphs it draws: no page-wide cache to keep in step
    startup: { typeset: false },
  })
  .then((MathJax) => {
    const adaptor = MathJax.startup.adaptor;
    const answer = (request) => {
      if (request.stylesheet) return { css: adaptor.textContent(MathJax.svgStylesheet()) };
      return { html: adaptor.outerHTML(MathJax.tex2svg(String(request.tex), { display: Boolean(request.display) })) };
    };
    readline.createInterface({ input: process.stdin }).on("line", (line) => {
      let reply;
      try {
        reply = answer(JSON.parse(line));
      } catch (error) {
        reply = { error: String((error && error.message) || error) };
      }
      process.stdout.write(JSON.stringify(reply) + "\n");
    });
  })
  .catch((error) => {
    process.stderr.write(`MathJax did not start from ${folder}: ${(error && error.stack) || error}\n`);
    process.exit(1);
  });
