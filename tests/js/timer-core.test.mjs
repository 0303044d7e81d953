// The guided timer's clock (static/js/timer-core.js), played with times passed in: no page,
// no timers. What a reader sees on the page is checked by tests/browser/test_timer.py.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  MIN_RECORDED_SECONDS,
  STALE_MS,
  createPlayer,
  describeNext,
  describePosition,
  formatClock,
  formatDuration,
  resumable,
  worthKeeping,
} from "../../static/js/timer-core.js";

const S = 1000;

function hold(rep, side) {
  return { kind: "hold", seconds: 30, label: "Hold", rep, reps: 3, set: 1, sets: 1, side };
}
function rest(rep, side) {
  return { kind: "rest", seconds: 10, label: "Rest", rep, reps: 3, set: 1, sets: 1, side };
}

// The shape exercises/plan.py builds for "hold 30 s, 3 times, rest 10 s, each side".
const HAMSTRING = {
  total_seconds: 235,
  steps: [
    { kind: "ready", seconds: 5, label: "Get ready", side: "left" }, // 0 s
    hold(1, "left"), // 5 s
    rest(1, "left"), // 35 s
    hold(2, "left"), // 45 s
    rest(2, "left"), // 75 s
    hold(3, "left"), // 85 s
    { kind: "switch", seconds: 10, label: "Switch to the right side", side: "right" }, // 115 s
    hold(1, "right"), // 125 s
    rest(1, "right"), // 155 s
    hold(2, "right"), // 165 s
    rest(2, "right"), // 195 s
    hold(3, "right"), // 205 s
    { kind: "done", seconds: 0, label: "Well done" }, // 235 s
  ],
};

// A 10-minute walk: two halves, so the reader hears "halfway".
const WALK = {
  total_seconds: 605,
  steps: [
    { kind: "ready", seconds: 5, label: "Get ready" },
    { kind: "activity", seconds: 300, label: "Walking" },
    { kind: "activity", seconds: 300, label: "Halfway" },
    { kind: "done", seconds: 0, label: "Well done" },
  ],
};

// What a tick says about where the session is, without the step object itself.
function where(snap) {
  const { status, index, remaining, remainingMs, changed, crossed, countdown } = snap;
  return { status, index, remaining, remainingMs, changed, crossed, countdown };
}
function at(status, index, remainingMs, crossed = [], countdown = null) {
  return {
    status,
    index,
    remaining: Math.ceil(remainingMs / S),
    remainingMs,
    changed: crossed.length > 0,
    crossed,
    countdown,
  };
}

describe("createPlayer", () => {
  test("waits on the first step with its full time until started", () => {
    const player = createPlayer(HAMSTRING);
    assert.deepEqual(where(player.tick(0)), at("idle", 0, 5 * S));
    assert.deepEqual(where(player.tick(60 * S)), at("idle", 0, 5 * S), "time alone starts nothing");
    assert.equal(player.totalSeconds, 235);
  });

  test("reports the step it enters once, then counts down within it", () => {
    const player = createPlayer(HAMSTRING);
    player.start(1 * S);
    assert.deepEqual(where(player.tick(1 * S)), at("running", 0, 5 * S, [0]));
    assert.deepEqual(where(player.tick(2 * S)), at("running", 0, 4 * S));
    assert.deepEqual(where(player.tick(2.5 * S)), at("running", 0, 3.5 * S));
    assert.deepEqual(where(player.tick(6 * S)), at("running", 1, 30 * S, [1]));
    assert.deepEqual(where(player.tick(9 * S)), at("running", 1, 27 * S));
  });

  test("every step starts at the second the plan says", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.tick(0);
    let begin = 0;
    HAMSTRING.steps.slice(0, -1).forEach((step, index) => {
      assert.equal(player.tick(begin * S).index, index, `step ${index} at ${begin} s`);
      assert.equal(player.tick((begin + step.seconds) * S - 1).index, index);
      begin += step.seconds;
    });
    assert.equal(begin, 235);
    assert.equal(player.tick(235 * S).status, "done");
  });

  test("counts 3-2-1 once each before a step ends", () => {
    const player = createPlayer(HAMSTRING);
    player.start(1 * S);
    player.tick(1 * S);
    player.tick(2 * S);
    const counts = [3 * S, 3.1 * S, 4 * S, 5 * S, 5.5 * S].map((t) => player.tick(t).countdown);
    assert.deepEqual(counts, [3, null, 2, 1, null]);
    assert.equal(player.tick(6 * S).countdown, null, "a new step is a cue, not a count");
  });

  test("no 3-2-1 before the halfway mark of an activity, but before its end", () => {
    const player = createPlayer(WALK);
    player.start(0);
    const counts = [];
    for (let t = 0; t <= 605; t += 1) {
      const snap = player.tick(t * S);
      if (snap.countdown) counts.push([snap.index, snap.countdown]);
    }
    assert.deepEqual(counts, [
      [0, 3], [0, 2], [0, 1], // get ready -> walking
      [2, 3], [2, 2], [2, 1], // the second half -> done
    ]);
  });

  test("after the phone slept, lands on the right step and lists every step it crossed", () => {
    const player = createPlayer(HAMSTRING);
    player.start(1 * S);
    player.tick(1 * S);
    player.tick(6 * S);
    // 50 s later: rest 1 and hold 2 both began while nothing ran.
    assert.deepEqual(where(player.tick(56 * S)), at("running", 3, 20 * S, [2, 3]));
  });

  test("pause keeps what is left of the step; resume carries on from there", () => {
    const player = createPlayer(HAMSTRING);
    player.start(1 * S);
    player.tick(56 * S);
    player.pause(56.4 * S);
    assert.deepEqual(where(player.tick(116.4 * S)), at("paused", 3, 19.6 * S));
    player.resume(116.4 * S);
    assert.deepEqual(where(player.tick(126 * S)), at("running", 3, 10 * S));
  });

  test("skip and back move one step and give it its full time", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.tick(0);
    player.skip(8 * S);
    assert.deepEqual(where(player.tick(8 * S)), at("running", 2, 10 * S, [1, 2]));
    player.back(9 * S);
    assert.deepEqual(where(player.tick(9 * S)), at("running", 1, 30 * S, [1]));
    const snap = player.tick(9 * S);
    assert.equal(snap.stepProgress, 0);
    assert.equal(snap.sessionProgress, 5 / 235);
    player.back(10 * S);
    player.back(10 * S);
    assert.deepEqual(where(player.tick(10 * S)), at("running", 0, 5 * S, [0, 0]));
  });

  test("skipping while paused stays paused, with the next step's full time", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.pause(10 * S);
    player.skip(12 * S);
    assert.deepEqual(where(player.tick(40 * S)), at("paused", 2, 10 * S, [0, 1, 2]));
  });

  test("restart goes back to the first step", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.tick(50 * S);
    player.restart(50 * S);
    assert.deepEqual(where(player.tick(50 * S)), at("running", 0, 5 * S, [0]));
    assert.equal(player.tick(55 * S).index, 1);
  });

  test("a whole session ends done and complete, and nothing runs after", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.tick(0);
    const end = player.tick(10_000 * S);
    assert.deepEqual(where(end), at("done", 12, 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    assert.equal(end.completed, true);
    assert.equal(end.elapsedMs, 235 * S);
    assert.equal(end.endedAt, 235 * S, "it ended when the plan did, not when it was looked at");
    assert.equal(end.sessionProgress, 1);
    assert.equal(end.sessionLeft, 0);
    assert.deepEqual(where(player.tick(10_001 * S)), at("done", 12, 0));
  });

  test("finishing early is not complete, and paused time is not time spent", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.pause(10 * S);
    player.resume(70 * S);
    player.finish(80 * S);
    const stop = player.tick(90 * S);
    assert.equal(stop.status, "done");
    assert.equal(stop.completed, false);
    assert.equal(stop.elapsedMs, 20 * S);
    assert.equal(stop.endedAt, 80 * S);
    player.skip(100 * S);
    player.back(100 * S);
    assert.equal(player.tick(100 * S).status, "done", "the controls do nothing after the end");

    const paused = createPlayer(HAMSTRING);
    paused.start(0);
    paused.pause(10 * S);
    paused.finish(70 * S);
    assert.equal(paused.tick(70 * S).elapsedMs, 10 * S, "finished while paused");
  });

  test("session time left counts down with the plan and pauses with it", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    assert.equal(player.tick(35 * S).sessionLeft, 200);
    player.pause(35 * S);
    assert.equal(player.tick(95 * S).sessionLeft, 200);
  });
});

// A routine of three exercises, as exercises/plan.py builds it: each step says which
// exercise (item) it belongs to; the rest before an exercise belongs to that exercise.
const ROUTINE = {
  total_seconds: 105,
  steps: [
    { kind: "ready", seconds: 5, label: "Get ready", item: 0 }, // 0 s
    { kind: "hold", seconds: 5, label: "Hold", item: 0 }, // 5 s
    { kind: "rest", seconds: 15, label: "Rest. Next: B", item: 1 }, // 10 s
    { kind: "ready", seconds: 5, label: "Get ready", item: 1 }, // 25 s
    { kind: "hold", seconds: 10, label: "Hold", item: 1 }, // 30 s
    { kind: "rest", seconds: 5, label: "Rest", item: 1 }, // 40 s
    { kind: "hold", seconds: 10, label: "Hold", item: 1 }, // 45 s
    { kind: "rest", seconds: 15, label: "Rest. Next: C", item: 2 }, // 55 s
    { kind: "ready", seconds: 5, label: "Get ready", item: 2 }, // 70 s
    { kind: "hold", seconds: 30, label: "Hold", item: 2 }, // 75 s
    { kind: "done", seconds: 0, label: "Well done", item: null }, // 105 s
  ],
};

describe("skipping a whole exercise", () => {
  test("skips every step left of the exercise, to the next exercise's get ready", () => {
    const player = createPlayer(ROUTINE);
    player.start(0);
    player.tick(0);
    player.skipExercise(7 * S); // in the hold of the first exercise
    const snap = player.tick(7 * S);
    assert.deepEqual(where(snap), at("running", 3, 5 * S, [1, 3]));
    assert.deepEqual(snap.skipped, [0]);
    assert.equal(player.tick(12 * S).index, 4, "the next exercise plays on from there");
  });

  test("from the middle of an exercise, no step of it is left", () => {
    const player = createPlayer(ROUTINE);
    player.start(0);
    player.tick(42 * S); // the rest between the holds of the second exercise
    player.skipExercise(42 * S);
    const snap = player.tick(42 * S);
    assert.equal(snap.index, 8);
    assert.equal(snap.step.kind, "ready");
    assert.deepEqual(snap.skipped, [1]);
  });

  test("in the rest before an exercise, skips that exercise, not the one just done", () => {
    const player = createPlayer(ROUTINE);
    player.start(0);
    player.tick(12 * S); // "Rest. Next: B"
    player.skipExercise(12 * S);
    const snap = player.tick(12 * S);
    assert.equal(snap.index, 8);
    assert.deepEqual(snap.skipped, [1]);
  });

  test("skipping the last exercise ends the session, not complete, with every skip listed", () => {
    const player = createPlayer(ROUTINE);
    player.start(0);
    player.skipExercise(2 * S);
    player.skipExercise(3 * S);
    player.skipExercise(4 * S);
    const end = player.tick(4 * S);
    assert.equal(end.status, "done");
    assert.equal(end.completed, false, "a skipped exercise was not done");
    assert.deepEqual(end.skipped, [0, 1, 2]);
    assert.equal(end.endedAt, 4 * S);
    assert.equal(end.elapsedMs, 4 * S);
    player.skipExercise(5 * S);
    assert.deepEqual(player.tick(5 * S).skipped, [0, 1, 2], "nothing to skip after the end");
  });

  test("skipping while paused stays paused, with the get ready's full time", () => {
    const player = createPlayer(ROUTINE);
    player.start(0);
    player.pause(6 * S);
    player.tick(6 * S);
    player.skipExercise(8 * S);
    const snap = player.tick(20 * S);
    assert.deepEqual(where(snap), at("paused", 3, 5 * S, [3]));
  });

  test("a single exercise is one item: skipping it ends the session", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.skipExercise(10 * S);
    const end = player.tick(10 * S);
    assert.equal(end.status, "done");
    assert.deepEqual(end.skipped, [0]);
  });

  test("starting again forgets the skips; nothing is skipped before the start", () => {
    const player = createPlayer(ROUTINE);
    player.skipExercise(0);
    assert.deepEqual(where(player.tick(0)), at("idle", 0, 5 * S));
    player.start(0);
    player.skipExercise(1 * S);
    player.restart(2 * S);
    const snap = player.tick(2 * S);
    assert.deepEqual(snap.skipped, []);
    assert.equal(snap.index, 0);
  });
});

describe("stopping because it hurts", () => {
  test("ends the session at once, not complete, stopped for pain, with the time done", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    assert.equal(player.tick(0).stoppedFor, null);
    player.pause(10 * S);
    player.resume(40 * S);
    player.stopForPain(52 * S);
    const end = player.tick(52 * S);
    assert.equal(end.status, "done");
    assert.equal(end.completed, false);
    assert.equal(end.stoppedFor, "pain");
    assert.equal(end.elapsedMs, 22 * S);
    assert.equal(end.endedAt, 52 * S);
    assert.equal(player.tick(300 * S).status, "done", "nothing runs after");
  });

  test("works while paused, and does nothing before the start or after the end", () => {
    const paused = createPlayer(HAMSTRING);
    paused.start(0);
    paused.pause(3 * S);
    paused.stopForPain(9 * S);
    assert.equal(paused.tick(9 * S).stoppedFor, "pain");
    assert.equal(paused.tick(9 * S).elapsedMs, 3 * S);

    const idle = createPlayer(HAMSTRING);
    idle.stopForPain(0);
    assert.equal(idle.tick(0).status, "idle");
    assert.equal(idle.tick(0).stoppedFor, null);

    const done = createPlayer(HAMSTRING);
    done.start(0);
    done.finish(5 * S);
    done.stopForPain(6 * S);
    assert.equal(done.tick(6 * S).stoppedFor, null, "finished before: not stopped for pain");
  });

  test("starting again clears it", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.stopForPain(1 * S);
    player.start(2 * S);
    assert.equal(player.tick(2 * S).stoppedFor, null);
  });
});

describe("formatting", () => {
  const numbers = (text) => (text.match(/\d+/g) || []).map(Number);

  test("the clock shows seconds, or minutes:seconds from a minute", () => {
    assert.equal(formatClock(27), "27");
    assert.equal(formatClock(1), "1");
    assert.equal(formatClock(65), "1:05");
    assert.equal(formatClock(300, true), "5:00");
    assert.equal(formatClock(1, true), "0:01");
  });

  test("a duration is in minutes and seconds, leaving out what is zero", () => {
    assert.deepEqual(numbers(formatDuration(235)), [3, 55]);
    assert.deepEqual(numbers(formatDuration(600)), [10]);
    assert.deepEqual(numbers(formatDuration(10)), [10]);
    assert.notEqual(formatDuration(600), formatDuration(10), "10 minutes is not 10 seconds");
    assert.equal(formatDuration(59.6), formatDuration(60), "rounded to the second");
  });

  test("the position names rep, set and side only when there is a choice", () => {
    const all = { kind: "hold", rep: 2, reps: 10, set: 1, sets: 2, side: "left" };
    assert.deepEqual(numbers(describePosition(all)), [2, 10, 1, 2]);
    assert.match(describePosition(all), /left/i);
    assert.deepEqual(numbers(describePosition({ ...all, sets: 1 })), [2, 10]);
    assert.deepEqual(numbers(describePosition({ ...all, reps: 1, sets: 1 })), []);
    assert.equal(describePosition({ kind: "hold", rep: 1, reps: 1, set: 1, sets: 1 }), "");
    // A switch step's label already names the side.
    assert.equal(describePosition(HAMSTRING.steps[6]), "");
    assert.equal(describePosition(null), "");
  });

  test("what comes next names the step and its length; the end has no length", () => {
    const next = describeNext(HAMSTRING.steps[2]);
    assert.ok(next.includes("Rest") && next.includes(formatDuration(10)), next);
    const end = describeNext(HAMSTRING.steps[12]);
    assert.ok(end && !/\d/.test(end), end);
    assert.equal(describeNext(null), "");
  });
});

// Issue 12: a true session log. Complete only when every step ran; the time that counts is
// time spent exercising; the clock may be set back; a session survives a reload.
describe("a true session log", () => {
  test("Skip on the last hold ends the session, stopped early, with the step listed", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.tick(210 * S); // in the last hold
    player.skip(210 * S);
    const end = player.tick(210 * S);
    assert.equal(end.status, "done");
    assert.equal(end.completed, false);
    assert.deepEqual(end.skippedSteps, [11]);
  });

  test("twelve quick skips are not a session: nothing complete, nothing worth keeping", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    for (let i = 0; i < 12; i += 1) player.skip(i * 150);
    const end = player.tick(2 * S);
    assert.equal(end.status, "done");
    assert.equal(end.completed, false);
    assert.deepEqual(end.skippedSteps, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.ok(end.workMs < 2 * S);
    assert.equal(worthKeeping(end), false);
  });

  test("a step skipped, then played after Back, counts as done", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.skip(1 * S); // get ready skipped
    player.back(2 * S); // and played again
    const end = player.tick(237 * S);
    assert.equal(end.status, "done");
    assert.equal(end.completed, true);
    assert.deepEqual(end.skippedSteps, []);
  });

  test("finishing early lists the skipped steps before it, not the steps never reached", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.tick(6 * S);
    player.skip(6 * S); // hold 1 skipped: rest 1 from 6 s
    player.finish(20 * S);
    const end = player.tick(20 * S);
    assert.equal(end.completed, false);
    assert.deepEqual(end.skippedSteps, [1]);
  });

  test("time spent exercising leaves out get ready; under 5 s is not worth keeping", () => {
    assert.equal(MIN_RECORDED_SECONDS, 5);
    const atOnce = createPlayer(HAMSTRING);
    atOnce.start(0);
    atOnce.finish(0);
    assert.equal(worthKeeping(atOnce.tick(0)), false, "Finish pressed at once");

    const ready = createPlayer(HAMSTRING);
    ready.start(0);
    ready.finish(9 * S); // 5 s of get ready, 4 s of hold
    const short = ready.tick(9 * S);
    assert.equal(short.elapsedMs, 9 * S);
    assert.equal(short.workMs, 4 * S);
    assert.equal(worthKeeping(short), false);

    const enough = createPlayer(HAMSTRING);
    enough.start(0);
    enough.pause(7 * S);
    enough.resume(60 * S);
    enough.finish(63 * S);
    assert.equal(enough.tick(63 * S).workMs, 5 * S);
    assert.equal(worthKeeping(enough.tick(63 * S)), true);

    const hurt = createPlayer(HAMSTRING);
    hurt.start(0);
    hurt.stopForPain(1 * S);
    assert.equal(worthKeeping(hurt.tick(1 * S)), true, "a stop because it hurts is kept");
  });

  test("remaining time never exceeds the step's length, whatever the clock says", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    assert.equal(player.tick(10 * S).remaining, 25);
    const back = player.tick(10 * S - 120 * S); // the clock set back by 2 minutes
    assert.equal(back.index, 1);
    assert.ok(back.remaining <= 30, `${back.remaining}`);
    assert.ok(back.sessionLeft <= 235 - 5, `${back.sessionLeft}`);
  });

  test("a clock set back is handled like a pause: the step carries on where it was", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.sync(0, 1000);
    player.sync(10 * S, 1000 + 10 * S);
    assert.equal(player.tick(10 * S).remaining, 25);
    const jumped = -110 * S; // 10 s on, set back by 2 minutes
    player.sync(jumped, 1000 + 10 * S + 250);
    const snap = player.tick(jumped);
    assert.equal(snap.remainingMs, 25 * S - 250);
    assert.equal(snap.elapsedMs, 10 * S + 250);
    assert.equal(snap.startedAt, -120 * S - 250, "the start moves with the clock");
    player.sync(jumped + 5 * S, 1000 + 15 * S + 250);
    assert.equal(player.tick(jumped + 5 * S).remaining, 20);
    // A small disagreement is not a jump: the wall clock keeps the time.
    player.sync(jumped + 6500, 1000 + 16 * S + 250);
    assert.equal(player.tick(jumped + 6500).remainingMs, 18250);
  });

  test("a clock that moved on counts as time passed (a phone asleep looks the same)", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.sync(0, 0);
    player.sync(55 * S, 250);
    assert.deepEqual([player.tick(55 * S).index, player.tick(55 * S).remaining], [3, 20]);
  });

  test("Restart goes back to the start but keeps the session's time", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.skip(1 * S);
    player.restart(50 * S);
    const snap = player.tick(50 * S);
    assert.equal(snap.index, 0);
    assert.equal(snap.startedAt, 0);
    assert.equal(snap.elapsedMs, 50 * S);
    assert.deepEqual(snap.skippedSteps, []);
    const end = player.tick(50 * S + 235 * S);
    assert.equal(end.completed, true);
    assert.equal(end.elapsedMs, 285 * S);
  });

  test("a saved session restores at the same step and second, running or paused", () => {
    const player = createPlayer(HAMSTRING);
    player.start(0);
    player.tick(6 * S);
    player.skip(6 * S); // hold 1 skipped
    player.tick(50 * S);
    const saved = JSON.parse(JSON.stringify(player.save()));

    const again = createPlayer(HAMSTRING);
    assert.equal(again.restore(saved, 52 * S), true);
    const snap = again.tick(52 * S);
    const same = player.tick(52 * S);
    for (const name of ["status", "index", "remainingMs", "elapsedMs", "workMs", "startedAt"]) {
      assert.equal(snap[name], same[name], name);
    }
    assert.deepEqual(snap.skippedSteps, [1]);
    assert.equal(again.tick(300 * S).completed, false, "the skipped hold is remembered");

    player.pause(60 * S);
    const paused = createPlayer(HAMSTRING);
    paused.restore(JSON.parse(JSON.stringify(player.save())), 999 * S);
    const held = paused.tick(999 * S);
    assert.deepEqual([held.status, held.index, held.remainingMs], ["paused", 5, 26 * S]);
    paused.resume(1000 * S);
    assert.equal(paused.tick(1010 * S).remaining, 16);
  });

  test("a damaged saved session is refused and the player stays idle", () => {
    for (const bad of [
      null,
      {},
      { status: "running", index: 99, endAt: 0 },
      { status: "done", index: 1 },
      { status: "paused", index: 1, left: "x" },
    ]) {
      const player = createPlayer(HAMSTRING);
      assert.equal(player.restore(bad, 0), false, JSON.stringify(bad));
      assert.equal(player.tick(0).status, "idle");
    }
  });

  test("what to do with a session kept on the phone", () => {
    const now = 10 * 3600 * S;
    const kept = (over) => ({ version: "abc", savedAt: now - 60 * S, state: { status: "running" }, ...over });
    assert.equal(resumable(null, "abc", now), null);
    assert.equal(resumable(kept({ version: "old" }), "abc", now), null, "the plan changed");
    assert.equal(resumable(kept(), "abc", now), "running");
    assert.equal(resumable(kept({ state: { status: "paused" } }), "abc", now), "paused");
    assert.equal(STALE_MS, 2 * 3600 * S);
    assert.equal(resumable(kept({ savedAt: now - STALE_MS - 1 }), "abc", now), "stale");
    assert.equal(resumable(kept({ savedAt: now + STALE_MS + 1 }), "abc", now), "stale");
    assert.equal(resumable(kept({ state: null }), "abc", now), null);
  });
});
