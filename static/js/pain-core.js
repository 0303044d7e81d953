// What the app answers to her pain scores (0 is no pain, 10 the worst), before and after a
// session. The thresholds live here, once, so a clinician can review them; the words she
// reads are in templates/exercises/_timer.html, the page only shows or hides them
// (static/js/timer.js). Pure: no DOM, tested by tests/js/pain-core.test.mjs.
//
//   flareBefore    8  A score of 8 or more before starting: the pain is high. Suggest the
//                     flare-up routine or rest instead, and link to "When to get help".
//   stopAfterRise  2  A score after the session 2 or more points higher than before: the
//                     exercise made it worse. Say to stop for today and when to get help.
//   stopAfter      8  A score of 8 or more after the session, whatever it was before:
//                     the same answer, stop for today and when to get help.
//
// A missing score (she skipped the question) never triggers an answer on its own.

export const PAIN_THRESHOLDS = Object.freeze({
  flareBefore: 8,
  stopAfterRise: 2,
  stopAfter: 8,
});

export const FLARE = "flare"; // before: suggest the flare-up routine or rest
export const STOP_FOR_TODAY = "stop"; // after: stop for today, and when to get help

// A pain score: a whole number from 0 to 10, or null for none (skipped, or not a score).
export function score(value) {
  if (value === null || value === undefined || value === "" || typeof value === "boolean") {
    return null;
  }
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : null;
}

// The answer to her scores: FLARE, STOP_FOR_TODAY or null (nothing to say).
// With no score after (before starting), only the score before counts; once there is a
// score after (the session is over), the score after and the rise decide.
export function adviceFor(before, after) {
  const was = score(before);
  const now = score(after);
  const limits = PAIN_THRESHOLDS;
  if (now === null) return was !== null && was >= limits.flareBefore ? FLARE : null;
  if (now >= limits.stopAfter) return STOP_FOR_TODAY;
  if (was !== null && now - was >= limits.stopAfterRise) return STOP_FOR_TODAY;
  return null;
}
