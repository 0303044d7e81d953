// "Today's routine" picks only among the routines that suit her (static/js/today-routine.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { setCatalog } from "../../static/js/i18n.js";
import {
  CAESAREAN,
  EMERGENCY,
  NO_CHECKIN,
  NOT_YET,
  SUITABLE,
  TOO_EARLY,
  URGENT,
} from "../../static/js/suitability-core.js";
import { pickToday } from "../../static/js/today-routine.js";

setCatalog({});
const OPEN = { earliest_week: 0, after_caesarean: false, after_assisted: false, everyone: false };
const PLANK = { earliest_week: 6, after_caesarean: true, after_assisted: false, everyone: false };
const routine = (name, rules, seconds = 300) => ({
  name,
  url: `/routines/${name}/`,
  seconds,
  length: "5 min",
  rules,
});
// 2026-11-30 is day 20787 after 1970-01-01, its ordinal 739950: 739950 % 3 = 0.
const DAY0 = "2026-11-30";
const DAY2 = "2026-12-02";
const checkin = (fields) => ({
  version: 1, birthDate: "2026-11-09", birth: "caesarean", cleared: "no",
  emergency: false, urgent: false, spokeToProfessional: false, savedOn: DAY0, ...fields,
});

describe("pickToday", () => {
  const routines = [routine("a", OPEN), routine("b", OPEN), routine("strength", PLANK)];

  test("with no check-in, the routines take turns by day as on the server", () => {
    const pick = pickToday(routines, null, DAY0);
    assert.deepEqual(pick, { verdict: NO_CHECKIN, routine: routines[0] });
    assert.equal(pickToday(routines, null, DAY2).routine.name, "strength");
  });

  test("3 weeks after a caesarean, not cleared: a routine with the plank is passed over", () => {
    const pick = pickToday(routines, checkin({}), DAY2);
    assert.equal(pick.verdict, SUITABLE);
    assert.equal(pick.routine.name, "a"); // the next turn that suits her
  });

  test("10 weeks after a vaginal birth, cleared: the day's turn, plank and all", () => {
    const her = checkin({ birthDate: "2026-09-21", birth: "vaginal", cleared: "yes" });
    assert.equal(pickToday(routines, her, DAY2).routine.name, "strength");
  });

  test("none suits her: no routine, and the reasons of the gentlest", () => {
    const strict = [routine("long", PLANK, 900), routine("short", PLANK, 200)];
    const pick = pickToday(strict, checkin({}), DAY0);
    assert.equal(pick.verdict, NOT_YET);
    assert.equal(pick.routine, undefined);
    assert.equal(pick.gentlest.name, "short");
    assert.deepEqual(pick.reasons, [{ code: TOO_EARLY, week: 6 }, { code: CAESAREAN }]);
  });

  test("a warning sign: no routine at all", () => {
    const emergency = pickToday(routines, checkin({ emergency: true }), DAY0);
    assert.deepEqual(emergency, { verdict: EMERGENCY });
    assert.deepEqual(pickToday(routines, checkin({ urgent: true }), DAY0), { verdict: URGENT });
  });

  test("garbled rules fail safe: never picked for her", () => {
    const pick = pickToday([routine("odd", "garbage"), routine("ok", OPEN)], checkin({}), DAY0);
    assert.equal(pick.routine.name, "ok");
  });

  test("no routines, or garbage instead of a list", () => {
    assert.deepEqual(pickToday([], null, DAY0), { verdict: null });
    assert.deepEqual(pickToday("x", null, DAY0), { verdict: null });
  });
});
