// The suitability rules judged against her check-in (static/js/suitability-core.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  ASSISTED,
  assess,
  CAESAREAN,
  EMERGENCY,
  EVERYONE,
  NO_CHECKIN,
  NOT_YET,
  needsNewCheckin,
  readCheckin,
  readRules,
  SUITABLE,
  TOO_EARLY,
  URGENT,
  weeksSince,
} from "../../static/js/suitability-core.js";

const TODAY = "2026-11-30";
// Rules as the server sends them: two shipped exercises, and the strictest possible.
const PLANK = { earliest_week: 6, after_caesarean: true, after_assisted: false, everyone: false };
const PELVIC_TILT = { earliest_week: 0, after_caesarean: false, after_assisted: false, everyone: false };
const STRICT = { earliest_week: 6, after_caesarean: true, after_assisted: true, everyone: true };

function daysBefore(days) {
  const date = new Date(Date.UTC(2026, 10, 30) - days * 86400000);
  return date.toISOString().slice(0, 10);
}

// Her answers 8 weeks after a vaginal birth, cleared, no warning signs, saved today.
const ANSWERS = {
  version: 1,
  birthDate: daysBefore(8 * 7),
  birth: "vaginal",
  cleared: "yes",
  emergency: false,
  urgent: false,
  spokeToProfessional: false,
  savedOn: TODAY,
};

function checkin(fields = {}) {
  const read = readCheckin(JSON.stringify({ ...ANSWERS, ...fields }), TODAY);
  assert.ok(read.checkin, `fixture check-in should be valid: ${read.problem}`);
  return read.checkin;
}

const codes = (result) => result.reasons.map((reason) => reason.code);

describe("3 weeks after a caesarean, not cleared", () => {
  const her = checkin({ birthDate: daysBefore(3 * 7), birth: "caesarean", cleared: "no" });

  test("the plank is not yet for her: too early, and wait for clearance", () => {
    const result = assess(PLANK, her, TODAY);
    assert.equal(result.verdict, NOT_YET);
    assert.deepEqual(result.reasons, [{ code: TOO_EARLY, week: 6 }, { code: CAESAREAN }]);
  });

  test("an exercise needing clearance for everyone is not yet for her either", () => {
    assert.deepEqual(codes(assess(STRICT, her, TODAY)), [TOO_EARLY, CAESAREAN]);
  });

  test("a gentle pelvic tilt with no rules suits her", () => {
    assert.equal(assess(PELVIC_TILT, her, TODAY).verdict, SUITABLE);
  });
});

describe("8 weeks after a vaginal birth, cleared", () => {
  const her = checkin();
  for (const [name, rules] of Object.entries({ PLANK, PELVIC_TILT, STRICT })) {
    test(`${name} suits her`, () => {
      assert.deepEqual(assess(rules, her, TODAY), { verdict: SUITABLE, reasons: [] });
    });
  }
});

test("'not sure' about clearance counts as not cleared", () => {
  const her = checkin({ cleared: "unsure" });
  assert.deepEqual(codes(assess(STRICT, her, TODAY)), [EVERYONE]);
  assert.equal(assess(PLANK, her, TODAY).verdict, SUITABLE);
});

test("after an assisted birth, the assisted-birth clearance applies", () => {
  const her = checkin({ birth: "assisted", cleared: "no" });
  assert.deepEqual(codes(assess(STRICT, her, TODAY)), [ASSISTED]);
  assert.equal(assess(PLANK, her, TODAY).verdict, SUITABLE);
});

test("the earliest week is reached on its first day", () => {
  const rules = { ...PLANK, after_caesarean: false };
  assert.equal(assess(rules, checkin({ birthDate: daysBefore(6 * 7 - 1) }), TODAY).verdict, NOT_YET);
  assert.equal(assess(rules, checkin({ birthDate: daysBefore(6 * 7) }), TODAY).verdict, SUITABLE);
});

test("with no check-in nothing is blocked", () => {
  assert.deepEqual(assess(STRICT, null, TODAY), { verdict: NO_CHECKIN, reasons: [] });
});

test("an emergency sign offers no exercise at all, even one with no rules", () => {
  const her = checkin({ emergency: true, urgent: true, spokeToProfessional: true });
  assert.equal(assess(PELVIC_TILT, her, TODAY).verdict, EMERGENCY);
});

test("an urgent sign waits until she has spoken to a professional", () => {
  assert.equal(assess(PELVIC_TILT, checkin({ urgent: true }), TODAY).verdict, URGENT);
  const spoken = checkin({ urgent: true, spokeToProfessional: true });
  assert.equal(assess(PELVIC_TILT, spoken, TODAY).verdict, SUITABLE);
});

describe("rules that cannot be read fail safe", () => {
  const her = checkin({ cleared: "no" });
  for (const rules of [undefined, null, "plank", 7, {}, { earliest_week: "6" }, { earliest_week: -1 }]) {
    test(`${JSON.stringify(rules)} needs clearance`, () => {
      assert.equal(assess(rules, her, TODAY).verdict, NOT_YET);
    });
  }
  test("a flag that is not true or false counts as needing clearance", () => {
    assert.equal(readRules({ ...PELVIC_TILT, everyone: "no" }).everyone, true);
  });
  test("an unreadable week means clearance is needed for everyone", () => {
    const result = readRules({ earliest_week: null });
    assert.equal(result.everyone, true);
  });
});

describe("a check-in that cannot be trusted is no check-in", () => {
  const good = { ...ANSWERS, birthDate: daysBefore(30) };
  const cases = {
    missing: [null, undefined, ""],
    damaged: [
      "{not json",
      "[]",
      "42",
      JSON.stringify({ ...good, version: 99 }),
      JSON.stringify({ ...good, birthDate: "2026-02-30" }),
      JSON.stringify({ ...good, birthDate: "30/11/2026" }),
      JSON.stringify({ ...good, birth: "home" }),
      JSON.stringify({ ...good, cleared: true }),
      JSON.stringify({ ...good, emergency: "false" }),
      JSON.stringify({ ...good, savedOn: undefined }),
    ],
    "future-birth": [JSON.stringify({ ...good, birthDate: "2026-12-01" })],
    "birth-too-long-ago": [JSON.stringify({ ...good, birthDate: daysBefore(2 * 365 + 1) })],
  };
  for (const [problem, raws] of Object.entries(cases)) {
    for (const raw of raws) {
      test(`${String(raw).slice(0, 60)} -> ${problem}`, () => {
        assert.deepEqual(readCheckin(raw, TODAY), { problem });
      });
    }
  }
  test("unknown extra fields are dropped", () => {
    const { checkin: read } = readCheckin(JSON.stringify({ ...good, note: "x" }), TODAY);
    assert.equal("note" in read, false);
  });
});

describe("when to ask again", () => {
  test("answers older than two weeks", () => {
    const her = checkin({ savedOn: daysBefore(14) });
    assert.equal(needsNewCheckin(her, TODAY), false);
    assert.equal(needsNewCheckin(checkin({ savedOn: daysBefore(15) }), TODAY), true);
  });
  test("her weeks since birth crossed a rule's earliest week", () => {
    // Answered at 5 weeks 6 days; today she is 6 weeks 4 days.
    const her = checkin({ birthDate: daysBefore(46), savedOn: daysBefore(5) });
    assert.equal(weeksSince(her.birthDate, her.savedOn), 5);
    assert.equal(needsNewCheckin(her, TODAY, [6]), true);
    assert.equal(needsNewCheckin(her, TODAY, [8, 12]), false);
  });
  test("no check-in at all", () => {
    assert.equal(needsNewCheckin(null, TODAY), true);
  });
});
