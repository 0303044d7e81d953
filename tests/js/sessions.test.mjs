// What the session store (static/js/sessions.js) keeps of a record. Storing, updating and
// listing in IndexedDB need a browser: tests/browser/test_timer.py.
import assert from "node:assert/strict";
import { test } from "node:test";

import { clean } from "../../static/js/sessions.js";
import { SESSION } from "./records.fixtures.mjs";

test("only the known fields are kept", () => {
  const record = {
    ...SESSION,
    painAfter: null,
    uid: "m1abc-9xyz",
    skippedSteps: [{ step: 11, kind: "hold", side: "right", exercise: "hamstring-stretch" }],
    sides: ["right", "left"],
  };
  assert.deepEqual(clean({ ...record, id: 7, junk: "<script>", email: "x@example.org" }), record);
});

test("a pain score is a whole number from 0 to 10, or none", () => {
  const kept = (value) => clean({ painBefore: value }).painBefore;
  for (const [value, expected] of [
    [0, 0], [10, 10], ["3", 3], [7, 7],
    [11, null], [-1, null], [2.5, null], ["abc", null], ["", null], [null, null],
    [undefined, null],
  ]) {
    assert.equal(kept(value), expected, JSON.stringify(value));
  }
  assert.equal(clean({ painAfter: 12 }).painAfter, null);
});

test("an update changes only what it names", () => {
  assert.deepEqual(clean({ painAfter: "2" }), { painAfter: 2 });
  assert.deepEqual(clean({ completed: 1 }), { completed: true });
  assert.deepEqual(clean({}), {});
});

test("a session stopped because it hurt says so; any other reason is not stored", () => {
  assert.equal(clean({ stoppedFor: "pain" }).stoppedFor, "pain");
  assert.equal(clean({ stoppedFor: "left" }).stoppedFor, "left", "she left the page");
  for (const value of [null, undefined, "", "boredom", 1, ["pain"]]) {
    assert.equal(clean({ stoppedFor: value }).stoppedFor, null, JSON.stringify(value));
  }
});

test("the skipped exercises are a list of page addresses (slugs), in order", () => {
  const kept = (value) => clean({ skippedExercises: value }).skippedExercises;
  const both = ["pelvic-tilt", "piriformis-stretch"];
  assert.deepEqual(kept(both), both);
  assert.deepEqual(kept(["bridge", "<script>", "", 3, null, "knee-hug"]), ["bridge", "knee-hug"]);
  assert.deepEqual(kept("bridge"), []);
  assert.deepEqual(kept(undefined), []);
});

test("a session's id stays the same through a reload: letters, digits and dashes", () => {
  assert.equal(clean({ uid: "m1abc-9xyz" }).uid, "m1abc-9xyz");
  for (const value of [null, "", "<script>", 42, "a".repeat(65)]) {
    assert.equal(clean({ uid: value }).uid, null, JSON.stringify(value));
  }
});

test("the skipped steps say which step, what kind, which side and which exercise", () => {
  const kept = (value) => clean({ skippedSteps: value }).skippedSteps;
  const step = { step: 3, kind: "hold", side: "left", exercise: "bridge" };
  assert.deepEqual(kept([step, { step: 0, kind: "ready", side: null, exercise: null }]), [
    step,
    { step: 0, kind: "ready", side: null, exercise: null },
  ]);
  assert.deepEqual(kept([{ ...step, junk: 1, side: "up", exercise: "<b>" }]), [
    { step: 3, kind: "hold", side: null, exercise: null },
  ]);
  assert.deepEqual(kept([{ ...step, step: -1 }, { ...step, kind: "nap" }, "x", null]), []);
  assert.deepEqual(kept("3"), []);
});

test("the sides played are left and right, in the order played", () => {
  const kept = (value) => clean({ sides: value }).sides;
  assert.deepEqual(kept(["right"]), ["right"]);
  assert.deepEqual(kept(["left", "right"]), ["left", "right"]);
  assert.deepEqual(kept(["up", 3, "left"]), ["left"]);
  assert.deepEqual(kept(null), []);
});
