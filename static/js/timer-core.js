// The guided timer's clock: a pure state machine over a plan (no DOM, no timers).
// Time is always passed in (`now`, ms) and kept as the stored end time of the current
// step, never by counting ticks: after the phone slept for 45 s, the next tick lands
// on the right step and reports every step it crossed, so the page can play only the
// cue of the step it landed on. Its words come from the page's catalogue (./i18n.js).

import { t } from "./i18n.js";

export const IDLE = "idle";
export const RUNNING = "running";
export const PAUSED = "paused";
export const DONE = "done";
export const STOPPED_FOR_PAIN = "pain";

export function createPlayer(plan) {
  const steps = plan.steps;
  const last = steps.length - 1;
  const lengths = steps.map((step) => Math.max(0, step.seconds || 0) * 1000);
  const starts = [];
  let totalMs = 0;
  for (const ms of lengths) {
    starts.push(totalMs);
    totalMs += ms;
  }

  // Which exercise each step belongs to (plan.py's `item`; done belongs to none).
  const items = steps.map((step) => (step.kind === "done" ? null : (step.item ?? 0)));

  let status = IDLE;
  let index = 0;
  let endAt = 0; // when the current step ends (running)
  let left = lengths[0]; // what is left of the current step (paused)
  let completed = false;
  let stoppedFor = null; // why she stopped: STOPPED_FOR_PAIN, or null
  let skipped = []; // the items (exercises of a routine) skipped, in order
  let startedAt = null;
  let endedAt = null;
  let activeMs = 0; // running time before `runSince`
  let runSince = 0;
  let entered = []; // steps entered since the last tick
  let seenIndex = -1;
  let seenSecond = null;

  function stopClock(at) {
    if (status === RUNNING) activeMs += at - runSince;
    endedAt = at;
  }

  function complete(at) {
    stopClock(at);
    index = last;
    status = DONE;
    // Played to the end; an exercise skipped on the way was not done.
    completed = skipped.length === 0;
  }

  // Move the current step to `i` with its full time; entering the last step ends the session.
  function enter(i, now) {
    index = Math.min(Math.max(i, 0), last);
    entered.push(index);
    if (index === last) {
      complete(now);
    } else if (status === RUNNING) {
      endAt = now + lengths[index];
    } else {
      left = lengths[index];
    }
  }

  // Cross every step boundary that has passed, at the exact time each one passed.
  function advance(now) {
    while (status === RUNNING && now >= endAt) {
      const at = endAt;
      enter(index + 1, at);
    }
  }

  function hasCountdown(i) {
    const step = steps[i];
    const next = steps[i + 1];
    if (!next || lengths[i] < 4000) return false;
    // The halfway mark of an activity is not a stop: no 3-2-1 before it.
    return !(step.kind === "activity" && next.kind === "activity");
  }

  const player = {
    get status() {
      return status;
    },
    get totalSeconds() {
      return totalMs / 1000;
    },

    start(now) {
      status = RUNNING;
      completed = false;
      stoppedFor = null;
      skipped = [];
      startedAt = now;
      endedAt = null;
      activeMs = 0;
      runSince = now;
      entered = [];
      seenIndex = -1;
      seenSecond = null;
      enter(0, now);
      advance(now);
    },

    restart(now) {
      player.start(now);
    },

    pause(now) {
      if (status !== RUNNING) return;
      advance(now);
      if (status !== RUNNING) return;
      left = endAt - now;
      activeMs += now - runSince;
      status = PAUSED;
    },

    resume(now) {
      if (status !== PAUSED) return;
      status = RUNNING;
      runSince = now;
      endAt = now + left;
    },

    skip(now) {
      advance(now);
      if (status === RUNNING || status === PAUSED) enter(index + 1, now);
    },

    // Skip the rest of the current exercise of a routine (every step of it left, the rest
    // before it included), to the next exercise's get ready, or to the end after the last.
    skipExercise(now) {
      advance(now);
      if (status !== RUNNING && status !== PAUSED) return;
      const item = items[index];
      let next = index + 1;
      while (next < last && (items[next] === item || steps[next].kind !== "ready")) next += 1;
      skipped.push(item);
      enter(next, now);
    },

    back(now) {
      advance(now);
      if (status === RUNNING || status === PAUSED) enter(index - 1, now);
    },

    // Stop now. Before the last step it is an early stop: completed stays false.
    finish(now) {
      advance(now);
      if (status !== RUNNING && status !== PAUSED) return;
      stopClock(now);
      status = DONE;
      completed = false;
    },

    // "Stop, it hurts": an early stop, at once, that says why.
    stopForPain(now) {
      advance(now);
      if (status !== RUNNING && status !== PAUSED) return;
      player.finish(now);
      stoppedFor = STOPPED_FOR_PAIN;
    },

    tick(now) {
      advance(now);
      let remainingMs = 0;
      if (status === RUNNING) remainingMs = Math.max(0, endAt - now);
      else if (status === PAUSED) remainingMs = left;
      else if (status === IDLE) remainingMs = lengths[index];
      const length = lengths[index];
      const doneMs =
        status === DONE && completed ? totalMs : starts[index] + (length - remainingMs);
      const remaining = Math.ceil(remainingMs / 1000);
      const crossed = entered;
      entered = [];
      const changed = crossed.length > 0;
      let countdown = null;
      if (
        status === RUNNING &&
        !changed &&
        index === seenIndex &&
        remaining >= 1 &&
        remaining <= 3 &&
        remaining < seenSecond &&
        hasCountdown(index)
      ) {
        countdown = remaining;
      }
      seenIndex = index;
      seenSecond = remaining;
      const elapsedMs = activeMs + (status === RUNNING ? now - runSince : 0);
      return {
        status,
        index,
        step: steps[index],
        next: index < last ? steps[index + 1] : null,
        remainingMs,
        remaining,
        stepProgress: length ? 1 - remainingMs / length : 1,
        sessionProgress: totalMs ? Math.min(1, doneMs / totalMs) : 1,
        sessionLeft: Math.ceil((totalMs - doneMs) / 1000),
        changed,
        crossed,
        countdown,
        elapsedMs,
        completed,
        stoppedFor,
        skipped: [...skipped],
        startedAt,
        endedAt,
      };
    },
  };
  return player;
}

// "27" for a short step, "4:05" for anything a minute or longer.
export function formatClock(seconds, long = seconds >= 60) {
  if (!long) return String(seconds);
  const s = seconds % 60;
  return `${Math.floor(seconds / 60)}:${s < 10 ? "0" : ""}${s}`;
}

// "10 s", "5 min", "3 min 55 s".
export function formatDuration(seconds) {
  const total = Math.round(seconds);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (!m) return t("duration.seconds", { s });
  return s ? t("duration.minutes_seconds", { m, s }) : t("duration.minutes", { m });
}

// "Rep 2 of 10 · Set 1 of 2 · Left side": parts that are missing or out of 1 are left out.
export function describePosition(step) {
  if (!step) return "";
  const parts = [];
  if (step.rep && step.reps > 1) parts.push(t("timer.rep", { rep: step.rep, reps: step.reps }));
  if (step.set && step.sets > 1) parts.push(t("timer.set", { set: step.set, sets: step.sets }));
  // A switch step's label already names the side it goes to.
  if (step.kind !== "switch" && step.side === "left") parts.push(t("timer.left_side"));
  if (step.kind !== "switch" && step.side === "right") parts.push(t("timer.right_side"));
  return parts.join(" · ");
}

// "Next: Rest 10 s"; the done step reads as "Next: Finish".
export function describeNext(step) {
  if (!step) return "";
  if (step.kind === "done") return t("timer.next_finish");
  return t("timer.next", { label: step.label, duration: formatDuration(step.seconds) });
}
