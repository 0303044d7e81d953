// The answers to pain scores (static/js/pain-core.js): every threshold on both sides of its
// boundary, and what a missing or impossible score means. The words are in the page
// (templates/exercises/_timer.html); these tests only check which answer is chosen.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  FLARE,
  PAIN_THRESHOLDS,
  STOP_FOR_TODAY,
  adviceFor,
  score,
} from "../../static/js/pain-core.js";

describe("PAIN_THRESHOLDS", () => {
  test("are the values a clinician reviewed, and cannot be changed by a page", () => {
    assert.deepEqual({ ...PAIN_THRESHOLDS }, { flareBefore: 8, stopAfterRise: 2, stopAfter: 8 });
    assert.ok(Object.isFrozen(PAIN_THRESHOLDS));
  });
});

describe("score", () => {
  test("is a whole number from 0 to 10, or null", () => {
    for (const [value, expected] of [
      [0, 0], [10, 10], ["7", 7], [8, 8],
      [11, null], [-1, null], [7.5, null], ["", null], [null, null], [undefined, null],
      ["eight", null], [NaN, null], [true, null],
    ]) {
      assert.equal(score(value), expected, JSON.stringify(value));
    }
  });
});

describe("adviceFor before starting (no score after yet)", () => {
  test("7 is not a flare-up, 8 is", () => {
    assert.equal(adviceFor(7, null), null);
    assert.equal(adviceFor(8, null), FLARE);
  });

  test("9 and 10 suggest the flare-up routine or rest", () => {
    assert.equal(adviceFor(9, null), FLARE);
    assert.equal(adviceFor(10, undefined), FLARE);
    assert.equal(adviceFor("9"), FLARE);
  });

  test("no score, or a score that is not one, gives no advice", () => {
    for (const before of [null, undefined, "", 11, -1, "x"]) {
      assert.equal(adviceFor(before, null), null, JSON.stringify(before));
    }
  });
});

describe("adviceFor after the session", () => {
  test("a rise of 1 is not a reason to stop, a rise of 2 is", () => {
    assert.equal(adviceFor(3, 4), null);
    assert.equal(adviceFor(3, 5), STOP_FOR_TODAY);
    assert.equal(adviceFor(0, 2), STOP_FOR_TODAY);
    assert.equal(adviceFor(5, 7), STOP_FOR_TODAY);
  });

  test("7 after is not a reason to stop on its own, 8 is, whatever the score before", () => {
    assert.equal(adviceFor(7, 7), null);
    assert.equal(adviceFor(6, 7), null);
    assert.equal(adviceFor(9, 8), STOP_FOR_TODAY);
    assert.equal(adviceFor(10, 8), STOP_FOR_TODAY);
    assert.equal(adviceFor(null, 8), STOP_FOR_TODAY);
    assert.equal(adviceFor(null, 7), null);
  });

  test("the same or less pain than before gives no advice", () => {
    assert.equal(adviceFor(5, 5), null);
    assert.equal(adviceFor(6, 2), null);
    assert.equal(adviceFor(9, 7), null, "high before, better after: the after score decides");
  });

  test("without a score before, only the score after counts", () => {
    assert.equal(adviceFor(null, 0), null);
    assert.equal(adviceFor(undefined, 6), null);
    assert.equal(adviceFor("", 10), STOP_FOR_TODAY);
    assert.equal(adviceFor(11, 5), null, "an impossible score before is no score");
  });

  test("an impossible score after is no score after", () => {
    assert.equal(adviceFor(3, 11), null);
    assert.equal(adviceFor(9, -1), FLARE, "it is read as the answer before starting");
  });
});
