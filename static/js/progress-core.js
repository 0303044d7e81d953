// What "My progress" and the summary show. Pure; tests/js/progress-core.test.mjs.
// Fields may be missing (older records) or new (newer timers).
import { localDate } from "./suitability-core.js";
import { score } from "./pain-core.js";

export const WEEKS = 4;
const DAY_MS = 86400000;

export function dayOf(iso) {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : localDate(new Date(time));
}

export function addDays(day, n) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

const seconds = (s) => (Number.isFinite(s.actualSeconds) && s.actualSeconds > 0 ? s.actualSeconds : 0);

// "complete", "pain" (stopped because it hurt) or "early".
export function outcome(session) {
  if (session.stoppedFor === "pain") return "pain";
  return session.completed === true ? "complete" : "early";
}

export function skipped(session) {
  const names = Array.isArray(session.skippedExercises) ? session.skippedExercises : [];
  return names.filter((name) => typeof name === "string").map((slug) => slug.replace(/-/g, " "));
}

// Newest day first; in order within a day.
export function byDay(sessions, notes) {
  const days = new Map();
  const entry = (day) => {
    if (!days.has(day)) days.set(day, { day, sessions: [], notes: [] });
    return days.get(day);
  };
  for (const s of sessions) {
    const day = dayOf(s.startedAt);
    if (day) entry(day).sessions.push(s);
  }
  for (const n of notes) entry(n.day).notes.push(n);
  for (const { sessions: list, notes: written } of days.values()) {
    list.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
    written.sort((a, b) => (a.savedAt < b.savedAt ? -1 : 1));
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? 1 : -1));
}

const average = (values) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;

// 4 weeks of 7 days, oldest first, the last ending today; pain as averages.
export function lastWeeks(sessions, today, weeks = WEEKS) {
  const out = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const to = addDays(today, -7 * i);
    const from = addDays(to, -6);
    const inWeek = sessions.filter((s) => {
      const day = dayOf(s.startedAt);
      return day && day >= from && day <= to;
    });
    const scores = (name) => inWeek.map((s) => score(s[name])).filter((v) => v !== null);
    out.push({
      from,
      to,
      sessions: inWeek.length,
      minutes: Math.round(inWeek.reduce((sum, s) => sum + seconds(s), 0) / 60),
      painBefore: average(scores("painBefore")),
      painAfter: average(scores("painAfter")),
    });
  }
  return out;
}

export function summary(sessions, notes, today, weeks = WEEKS) {
  const from = addDays(today, -7 * weeks + 1);
  const within = (day) => day && day >= from && day <= today;
  const kept = sessions.filter((s) => within(dayOf(s.startedAt)));
  return {
    from,
    to: today,
    weeks: lastWeeks(kept, today, weeks),
    sessions: kept.length,
    minutes: Math.round(kept.reduce((sum, s) => sum + seconds(s), 0) / 60),
    complete: kept.filter((s) => outcome(s) === "complete").length,
    notComplete: kept
      .filter((s) => outcome(s) !== "complete" || skipped(s).length)
      .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)),
    points: painPoints(kept),
    notes: notes.filter((n) => within(n.day)).sort((a, b) => (a.day < b.day ? -1 : 1)),
  };
}

export function painPoints(sessions) {
  return sessions
    .map((s) => ({
      at: Date.parse(s.startedAt),
      before: score(s.painBefore),
      after: score(s.painAfter),
      title: s.title || s.slug || "",
    }))
    .filter((p) => !Number.isNaN(p.at) && (p.before !== null || p.after !== null))
    .sort((a, b) => a.at - b.at);
}

// Dots and lines for "before" and "after": pain 0 at the bottom, time left to right.
export function chartGeometry(points, start, end, width = 320, height = 160, pad = 24) {
  const span = Math.max(end - start, DAY_MS);
  const x = (at) => Math.round(pad + ((at - start) / span) * (width - 2 * pad));
  const y = (value) => Math.round(height - pad - (value / 10) * (height - 2 * pad));
  const series = (name) => {
    const dots = points.filter((p) => p[name] !== null).map((p) => ({ x: x(p.at), y: y(p[name]), value: p[name] }));
    return { dots, line: dots.map((d) => `${d.x},${d.y}`).join(" ") };
  };
  return {
    width,
    height,
    before: series("before"),
    after: series("after"),
    grid: [0, 5, 10].map((value) => ({ value, y: y(value) })),
    left: pad,
    right: width - pad,
  };
}
