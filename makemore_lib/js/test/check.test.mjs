// node --test for js/src/check.js: the page's exercise checks and predictions say what Python says, on cases
// generated from makemore_lib (tests/check_fixtures.py writes check-fixtures.json; tests/test_check_yourself.py
// fails when they are stale).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { checkAnswer, judge } from "../src/check.js";

const F = JSON.parse(readFileSync(new URL("./check-fixtures.json", import.meta.url), "utf8"));

test("an exercise check in the page says what exercises.check says", () => {
  for (const c of F.cases) {
    const got = checkAnswer(F.parts[c.part], c.text);
    assert.equal(got.message, c.message, `${c.part} answered ${JSON.stringify(c.text)}`);
    assert.equal(got.right, c.right, `${c.part} answered ${JSON.stringify(c.text)}: right?`);
  }
});

test("every part has its reference accepted and a classic mistake named", () => {
  for (const pid of Object.keys(F.parts)) {
    const cases = F.cases.filter((c) => c.part === pid);
    assert.ok(cases.some((c) => c.right), `${pid}: no right answer`);
    assert.ok(cases.filter((c) => !c.right).length >= 1, `${pid}: no wrong answer`);
  }
});

test("a prediction in the page says what predict_message says", () => {
  for (const c of F.predictions) {
    const got = judge(c.p, c.guess);
    assert.equal(got.message, c.message, `${c.p.what} guessed ${JSON.stringify(c.guess)}`);
    assert.equal(got.done, c.done, `${c.p.what} guessed ${JSON.stringify(c.guess)}: done?`);
  }
});
