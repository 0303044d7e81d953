// The check-in's answers turned into the record kept on her phone (static/js/suitability-core.js):
// the birth date typed or given as "weeks ago", and the record the page saves.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  assess,
  birthDateFromWeeks,
  careNeeded,
  checkBirthDate,
  EMERGENCY,
  localDate,
  NOT_YET,
  newCheckin,
  readCheckin,
  SUITABLE,
  URGENT,
  weeksSince,
} from "../../static/js/suitability-core.js";

const TODAY = "2026-11-30";
const PLANK = { earliest_week: 6, after_caesarean: true, after_assisted: false, everyone: false };

const ANSWERS = {
  birthDate: "2026-11-09",
  birth: "caesarean",
  cleared: "no",
  emergency: false,
  urgent: false,
  spokeToProfessional: false,
};

describe("the birth date she types", () => {
  test("a date in the last two years is her baby's birth date", () => {
    assert.deepEqual(checkBirthDate("2026-11-09", TODAY), { date: "2026-11-09" });
    assert.deepEqual(checkBirthDate(" 2026-11-30 ", TODAY), { date: "2026-11-30" });
    assert.deepEqual(checkBirthDate("2024-11-30", TODAY), { date: "2024-11-30" });
  });
  const problems = {
    empty: ["", "   ", undefined, null],
    invalid: ["30/11/2026", "2026-02-30", "yesterday", "2026-13-01"],
    "future-birth": ["2026-12-01", "2030-01-01"],
    "birth-too-long-ago": ["2024-11-29", "1990-05-05"],
  };
  for (const [problem, texts] of Object.entries(problems)) {
    for (const text of texts) {
      test(`${JSON.stringify(text)} -> ${problem}`, () => {
        assert.deepEqual(checkBirthDate(text, TODAY), { problem });
      });
    }
  }
});

describe("weeks ago instead of a date", () => {
  test("3 weeks ago is the same weekday 21 days back", () => {
    const { date } = birthDateFromWeeks("3", TODAY);
    assert.equal(date, "2026-11-09");
    assert.equal(weeksSince(date, TODAY), 3);
  });
  test("0 weeks is this week, today", () => {
    assert.deepEqual(birthDateFromWeeks("0", TODAY), { date: TODAY });
  });
  test("104 weeks is still within two years, 105 is not", () => {
    assert.equal(birthDateFromWeeks("104", TODAY).date, "2024-12-02");
    assert.deepEqual(birthDateFromWeeks("105", TODAY), { problem: "birth-too-long-ago" });
  });
  test("it crosses a month and a year", () => {
    assert.equal(birthDateFromWeeks("10", "2026-01-05").date, "2025-10-27");
  });
  const problems = {
    empty: ["", " ", undefined],
    invalid: ["-1", "2.5", "three", "1e3", "12345"],
  };
  for (const [problem, texts] of Object.entries(problems)) {
    for (const text of texts) {
      test(`${JSON.stringify(text)} -> ${problem}`, () => {
        assert.deepEqual(birthDateFromWeeks(text, TODAY), { problem });
      });
    }
  }
});

test("today is the phone's own calendar date, not UTC's", () => {
  // 00:30 on 1 December, local time: still "2026-12-01" whatever the offset from UTC.
  assert.equal(localDate(new Date(2026, 11, 1, 0, 30)), "2026-12-01");
  assert.equal(localDate(new Date(2027, 0, 9, 23, 59)), "2027-01-09");
});

describe("the record saved on her phone", () => {
  test("holds exactly the stored format, saved today, and reads back the same", () => {
    const { checkin } = newCheckin({ ...ANSWERS, note: "dropped" }, TODAY);
    assert.deepEqual(checkin, { version: 1, ...ANSWERS, savedOn: TODAY });
    assert.deepEqual(readCheckin(JSON.stringify(checkin), TODAY), { checkin });
  });
  test("3 weeks after a caesarean without clearance: the plank is not yet for her", () => {
    const { checkin } = newCheckin(ANSWERS, TODAY);
    assert.equal(assess(PLANK, checkin, TODAY).verdict, NOT_YET);
  });
  test("an answer missing or out of range is never saved", () => {
    for (const change of [{ birth: undefined }, { cleared: "maybe" }, { urgent: undefined }]) {
      assert.deepEqual(newCheckin({ ...ANSWERS, ...change }, TODAY), { problem: "damaged" });
    }
    assert.deepEqual(newCheckin(undefined, TODAY), { problem: "damaged" });
    const future = newCheckin({ ...ANSWERS, birthDate: "2026-12-25" }, TODAY);
    assert.deepEqual(future, { problem: "future-birth" });
  });
});

describe("what her warning signs need first", () => {
  const read = (fields) => newCheckin({ ...ANSWERS, ...fields }, TODAY).checkin;
  test("an emergency sign, whatever else she said", () => {
    const her = read({ emergency: true, urgent: true, spokeToProfessional: true });
    assert.equal(careNeeded(her), EMERGENCY);
  });
  test("an urgent sign until she has spoken to a professional", () => {
    assert.equal(careNeeded(read({ urgent: true })), URGENT);
    assert.equal(careNeeded(read({ urgent: true, spokeToProfessional: true })), null);
  });
  test("no sign", () => {
    assert.equal(careNeeded(read({})), null);
    const cleared = read({ cleared: "yes", birthDate: "2026-09-21" });
    assert.equal(assess(PLANK, cleared, TODAY).verdict, SUITABLE);
  });
});
