// What "My progress" and the summary show (static/js/progress-core.js). Times are UTC here
// (TZ=UTC for node in the Makefile is not assumed: each test uses midday times).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  addDays, byDay, chartGeometry, lastWeeks, outcome, painPoints, skipped, summary,
} from "../../static/js/progress-core.js";

const at = (day, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00`).toISOString();
const session = (day, fields = {}) => ({
  uid: `u-${day}-${Math.random()}`, startedAt: at(day), kind: "exercise", slug: "bridge",
  title: "Bridge", actualSeconds: 300, completed: true, painBefore: null, painAfter: null,
  stoppedFor: null, skippedExercises: [], ...fields,
});
const note = (day, fields = {}) => ({ uid: `n-${day}`, day, savedAt: at(day, 20), pain: 4, where: [], numbness: null, text: "", ...fields });

test("days are counted on her calendar", () => {
  assert.equal(addDays("2026-03-01", -1), "2026-02-28");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
});

test("how a session ended, read defensively", () => {
  assert.equal(outcome(session("2026-03-01")), "complete");
  assert.equal(outcome(session("2026-03-01", { completed: false })), "early");
  assert.equal(outcome(session("2026-03-01", { completed: false, stoppedFor: "pain" })), "pain");
  assert.equal(outcome({ startedAt: at("2026-03-01") }), "early");
  assert.deepEqual(skipped({ skippedExercises: ["knee-hug", 3] }), ["knee hug"]);
  assert.deepEqual(skipped({}), []);
});

test("sessions and notes by day, newest day first, in order within a day", () => {
  const late = session("2026-03-02", { startedAt: at("2026-03-02", 18), title: "Late" });
  const early = session("2026-03-02", { startedAt: at("2026-03-02", 8), title: "Early" });
  const days = byDay([late, session("2026-03-01"), early], [note("2026-03-03"), note("2026-03-02")]);
  assert.deepEqual(days.map((d) => d.day), ["2026-03-03", "2026-03-02", "2026-03-01"]);
  assert.deepEqual(days[1].sessions.map((s) => s.title), ["Early", "Late"]);
  assert.equal(days[1].notes.length, 1);
  assert.equal(days[0].sessions.length, 0);
  assert.deepEqual(byDay([{ startedAt: "garbage" }], []), []);
});

test("the last 4 weeks: sessions, minutes and average pain per 7 days, oldest first", () => {
  const sessions = [
    session("2026-03-28", { actualSeconds: 600, painBefore: 6, painAfter: 4 }),
    session("2026-03-21", { actualSeconds: 90, painBefore: 5 }),
    session("2026-03-15", { actualSeconds: 30, painBefore: 6, painAfter: 5 }),
    session("2026-03-01", { actualSeconds: 300 }),
    session("2026-02-28", { actualSeconds: 300 }), // before the 4 weeks
    session("2026-03-29", { actualSeconds: 300 }), // tomorrow
  ];
  const weeks = lastWeeks(sessions, "2026-03-28");
  assert.deepEqual(weeks.map((w) => [w.from, w.to]), [
    ["2026-03-01", "2026-03-07"],
    ["2026-03-08", "2026-03-14"],
    ["2026-03-15", "2026-03-21"],
    ["2026-03-22", "2026-03-28"],
  ]);
  assert.deepEqual(weeks.map((w) => w.sessions), [1, 0, 2, 1]);
  assert.deepEqual(weeks.map((w) => w.minutes), [5, 0, 2, 10]);
  assert.deepEqual(weeks.map((w) => w.painBefore), [null, null, 5.5, 6]);
  assert.deepEqual(weeks.map((w) => w.painAfter), [null, null, 5, 4]);
});

test("the summary: 4 weeks of sessions, what was not complete, pain and notes", () => {
  const stopped = session("2026-03-20", { completed: false, stoppedFor: "pain", painBefore: 7 });
  const skipping = session("2026-03-21", { kind: "routine", skippedExercises: ["bridge"] });
  const s = summary(
    [session("2026-03-28", { painAfter: 2 }), stopped, skipping, session("2026-02-01")],
    [note("2026-03-10"), note("2026-01-01")],
    "2026-03-28",
  );
  assert.equal(s.from, "2026-03-01");
  assert.equal(s.to, "2026-03-28");
  assert.equal(s.sessions, 3);
  assert.equal(s.minutes, 15);
  assert.equal(s.complete, 2);
  assert.deepEqual(s.notComplete, [stopped, skipping]);
  assert.deepEqual(s.points.map((p) => [p.before, p.after]), [[7, null], [null, 2]]);
  assert.deepEqual(s.notes.map((n) => n.day), ["2026-03-10"]);
});

test("the chart puts 0 at the bottom and 10 at the top, times left to right", () => {
  const points = painPoints([
    session("2026-03-02", { painBefore: 10, painAfter: 0 }),
    session("2026-03-01", { painBefore: 5, painAfter: "x" }),
    session("2026-03-03"),
  ]);
  assert.equal(points.length, 2);
  const start = Date.parse(at("2026-03-01"));
  const g = chartGeometry(points, start, Date.parse(at("2026-03-02")), 320, 160, 20);
  assert.deepEqual(g.before.dots.map((d) => [d.x, d.y, d.value]), [[20, 80, 5], [300, 20, 10]]);
  assert.equal(g.before.line, "20,80 300,20");
  assert.deepEqual(g.after.dots.map((d) => [d.x, d.y]), [[300, 140]]);
  assert.deepEqual(g.grid.map((line) => line.y), [140, 80, 20]);
});
