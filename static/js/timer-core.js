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

// A session is kept when she exercised at least this long (get ready does not count), or
// stopped because it hurts. Finish pressed at once keeps nothing.
export const MIN_RECORDED_SECONDS = 5;
// A session kept on the phone (a reload, a discarded tab) older than this is not resumed.
export const STALE_MS = 2 * 3600 * 1000;
// The wall clock and the monotonic clock may drift apart this much before it is a jump.
const JUMP_MS = 1500;

export function worthKeeping(snap) {
  return snap.stoppedFor === STOPPED_FOR_PAIN || snap.workMs >= MIN_RECORDED_SECONDS * 1000;
}

// A session kept on the phone ({version, savedAt, state}): "running" or "paused" to resume,
// "stale" to record as stopped early and drop, null to ignore (none, or another plan).
export function resumable(kept, version, now) {
  const status = kept?.state?.status;
  if (kept?.version !== version || (status !== RUNNING && status !== PAUSED)) return null;
  return Math.abs(now - kept.savedAt) > STALE_MS ? "stale" : status;
}

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
  let stoppedFor = null; // why she stopped: STOPPED_FOR_PAIN, or null
  let skipped = []; // the items (exercises of a routine) skipped, in order
  let ran = []; // ran[i]: step i played until its time ran out
  let startedAt = null;
  let endedAt = null;
  let activeMs = 0; // running time up to `since`
  let workMs = 0; // the part of it outside get ready
  let since = 0;
  let entered = []; // steps entered since the last tick
  let seenIndex = -1;
  let seenSecond = null;
  let lastNow = null; // the clocks at the last sync
  let lastMono = null;

  const live = () => status === RUNNING || status === PAUSED;
  const isWork = () => steps[index].kind !== "ready";

  // Count the running time up to `at`.
  function account(at) {
    if (status !== RUNNING) return;
    const ms = Math.max(0, at - since);
    activeMs += ms;
    if (isWork()) workMs += ms;
    since = at;
  }

  function stopClock(at) {
    account(at);
    endedAt = at;
  }

  // Move the current step to `i` with its full time; entering the last step ends the session.
  function enter(i, now) {
    account(now);
    index = Math.min(Math.max(i, 0), last);
    entered.push(index);
    if (index === last) {
      stopClock(now);
      status = DONE;
    } else if (status === RUNNING) {
      endAt = now + lengths[index];
    } else {
      left = lengths[index];
    }
  }

  // Cross every step boundary that has passed, at the exact time each one passed. The step
  // never has more time left than its length (a clock set back while nobody watched).
  function advance(now) {
    if (status === RUNNING) endAt = Math.min(endAt, now + lengths[index]);
    while (status === RUNNING && now >= endAt) {
      ran[index] = true;
      enter(index + 1, endAt);
    }
  }

  function hasCountdown(i) {
    const step = steps[i];
    const next = steps[i + 1];
    if (!next || lengths[i] < 4000) return false;
    // The halfway mark of an activity is not a stop: no 3-2-1 before it.
    return !(step.kind === "activity" && next.kind === "activity");
  }

  function reset(now) {
    stoppedFor = null;
    skipped = [];
    ran = [];
    endedAt = null;
    entered = [];
    seenIndex = -1;
    seenSecond = null;
    status = RUNNING;
    since = now;
    enter(0, now);
    advance(now);
  }

  const player = {
    get status() {
      return status;
    },
    get totalSeconds() {
      return totalMs / 1000;
    },

    start(now) {
      startedAt = now;
      activeMs = 0;
      workMs = 0;
      status = IDLE;
      reset(now);
    },

    // Back to the first step of the same session: the time spent so far still counts.
    restart(now) {
      if (!live()) return player.start(now);
      account(now);
      status = IDLE;
      reset(now);
    },

    // The wall clock (`now`) against a monotonic one (`mono`, performance.now()). Set back,
    // it is a pause for as long as the jump: every stored time moves with the clock. Set
    // forward it counts as time passed: a phone asleep may stop the monotonic clock.
    sync(now, mono) {
      const back = lastNow === null ? 0 : mono - lastMono - (now - lastNow);
      if (back > JUMP_MS) {
        endAt -= back;
        since -= back;
        if (startedAt !== null) startedAt -= back;
      }
      lastNow = now;
      lastMono = mono;
    },

    pause(now) {
      if (status !== RUNNING) return;
      advance(now);
      if (status !== RUNNING) return;
      account(now);
      left = endAt - now;
      status = PAUSED;
    },

    resume(now) {
      if (status !== PAUSED) return;
      status = RUNNING;
      since = now;
      endAt = now + left;
    },

    skip(now) {
      advance(now);
      if (live()) enter(index + 1, now);
    },

    // Skip the rest of the current exercise of a routine (every step of it left, the rest
    // before it included), to the next exercise's get ready, or to the end after the last.
    skipExercise(now) {
      advance(now);
      if (!live()) return;
      const item = items[index];
      let next = index + 1;
      while (next < last && (items[next] === item || steps[next].kind !== "ready")) next += 1;
      skipped.push(item);
      enter(next, now);
    },

    back(now) {
      advance(now);
      if (live()) enter(index - 1, now);
    },

    // Stop now: an early stop, not complete.
    finish(now) {
      advance(now);
      if (!live()) return;
      stopClock(now);
      status = DONE;
    },

    // "Stop, it hurts": an early stop, at once, that says why.
    stopForPain(now) {
      advance(now);
      if (!live()) return;
      player.finish(now);
      stoppedFor = STOPPED_FOR_PAIN;
    },

    // What a running or paused session needs to carry on after a reload (plain JSON).
    save() {
      const ranSteps = ran.flatMap((done, i) => (done ? [i] : []));
      return { status, index, endAt, left, startedAt, activeMs, workMs, since, skipped, ran: ranSteps };
    },

    // Carry on from save(): a running session lands on the step its stored end time says.
    // Refuses (false, still idle) anything but a running or paused session of this plan.
    restore(state, now) {
      const ok = (value) => Number.isFinite(value);
      const s = state || {};
      const valid =
        (s.status === RUNNING || s.status === PAUSED) &&
        Number.isInteger(s.index) &&
        s.index >= 0 &&
        s.index < last &&
        [s.endAt, s.left, s.startedAt, s.activeMs, s.workMs, s.since].every(ok) &&
        Array.isArray(s.ran) &&
        Array.isArray(s.skipped);
      if (!valid) return false;
      ({ status, index, endAt, startedAt, activeMs, workMs, since } = s);
      left = Math.min(Math.max(0, s.left), lengths[index]);
      ran = [];
      for (const i of s.ran) ran[i] = true;
      skipped = [...s.skipped];
      stoppedFor = null;
      endedAt = null;
      entered = [index];
      lastNow = null;
      advance(now);
      return true;
    },

    tick(now) {
      advance(now);
      let remainingMs = 0;
      if (status === RUNNING) remainingMs = Math.max(0, endAt - now);
      else if (status === PAUSED) remainingMs = left;
      else if (status === IDLE) remainingMs = lengths[index];
      const length = lengths[index];
      // The steps before this one that never ran out: skipped (not those never reached).
      const skippedSteps = [];
      if (status !== IDLE) for (let i = 0; i < index; i += 1) if (!ran[i]) skippedSteps.push(i);
      // Complete only when every step ran: played to the end, nothing skipped.
      const isComplete = status === DONE && index === last && !skippedSteps.length;
      const doneMs = isComplete ? totalMs : starts[index] + (length - remainingMs);
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
      const runningMs = status === RUNNING ? Math.max(0, now - since) : 0;
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
        elapsedMs: activeMs + runningMs,
        workMs: workMs + (isWork() ? runningMs : 0),
        completed: isComplete,
        stoppedFor,
        skipped: [...skipped],
        skippedSteps,
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
