// The guided timer player: plays the plan from the page's json_script element in the
// markup of templates/exercises/_timer.html. Time comes from Date.now() and the
// core's stored end times (static/js/timer-core.js); sessions are kept on the device
// (static/js/sessions.js). All its modules are static imports (collectstatic rewrites them
// to hashed names), so the player is built before the page's load event and its start
// screen never grows under what she is reading. Its words come from the page's catalogue
// (static/js/i18n.js); the answers to pain scores are chosen by static/js/pain-core.js
// (the thresholds) and written in the template, which this only shows or hides.

import { createCues } from "./cues.js";
import { t } from "./i18n.js";
import { FLARE, STOP_FOR_TODAY, adviceFor } from "./pain-core.js";
import * as store from "./sessions.js";
import * as core from "./timer-core.js";

const root = document.getElementById("timer");
const PREFS_KEY = "timer.prefs";
const SIDE_KEY = "timer.side"; // her painful side: {side: "left" | "right" | "", only}
const TICK_MS = 250;
// A control that appears where she just tapped takes no tap for this long (a double tap).
const GUARD_MS = 400;

if (root) {
  const planEl = document.getElementById(root.dataset.plan || "exercise-plan");
  let plan = null;
  try {
    plan = planEl && JSON.parse(planEl.textContent);
  } catch {
    plan = null;
  }
  if (plan && Array.isArray(plan.steps) && plan.steps.length) setUp(plan);
}

function setUp(base) {
  const el = (name) => root.querySelector(`[data-el="${name}"]`);
  const screens = { intro: el("intro"), run: el("run"), end: el("end") };
  const ui = {
    display: el("display"),
    exercise: el("exercise"),
    label: el("label"),
    digits: el("digits"),
    where: el("where"),
    stepBar: el("step-bar"),
    paused: el("paused"),
    next: el("next"),
    left: el("left"),
    sessionBar: el("session-bar"),
    pause: el("pause"),
    status: el("status"),
    spent: el("spent"),
    saved: el("saved"),
  };
  // Each exercise's drawing, first step and "Stop if", by its position in the plan (`item`).
  const abouts = [...root.querySelectorAll("[data-item]")];

  // The running session is kept on the phone under this key (a reload, a discarded tab).
  const runKey = `timer.run.${root.dataset.kind || "exercise"}.${root.dataset.slug || ""}`;
  let plan = base; // what is played: the plan, or one of its side variants (plan.py)
  let variant = "";
  let uid = null; // the session's own id: the same record through a reload
  let armedAt = -Infinity; // when the run screen's controls appeared (GUARD_MS)
  let player = core.createPlayer(plan);
  let loop = null;
  let lock = null;
  let ended = false;
  let painBefore = null;
  let lastExercise = null;
  let record = null;
  let saving = Promise.resolve(null);

  // --- Preferences: three switches, remembered on this device ---------------
  const prefs = { sound: true, voice: true, vibrate: true };
  try {
    Object.assign(prefs, JSON.parse(localStorage.getItem(PREFS_KEY)) || {});
  } catch {
    // Private mode or a bad value: keep the defaults.
  }
  for (const input of root.querySelectorAll("[data-pref]")) {
    const name = input.dataset.pref;
    input.checked = Boolean(prefs[name]);
    if (name === "vibrate" && !navigator.vibrate) input.closest("label").hidden = true;
    input.addEventListener("change", () => {
      prefs[name] = input.checked;
      try {
        localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
      } catch {
        // Not remembered; still applies to this visit.
      }
      if (name === "voice" && !input.checked) silence();
    });
  }

  // --- Cues: beeps, voice, vibration (static/js/cues.js) ----------------------
  const { unlockAudio, beep, buzz, silence, say, cue, count } = createCues(prefs);

  // The wall clock, checked against the monotonic one: a clock set back is a pause.
  function clock() {
    const now = Date.now();
    player.sync(now, performance.now());
    return now;
  }

  const live = () => player.status === core.RUNNING || player.status === core.PAUSED;
  const ready = () => performance.now() - armedAt >= GUARD_MS;
  function arm() {
    armedAt = performance.now();
  }

  // --- My painful side: which of the plan's side variants to play -----------------
  const sideBox = el("side");
  const oneSide = el("one-side");
  const side = { side: "", only: false };
  try {
    Object.assign(side, JSON.parse(localStorage.getItem(SIDE_KEY)) || {});
  } catch {
    // Not remembered: both sides, left first.
  }
  const variantOf = ({ side: s, only }) => (s ? (only ? `${s}-only` : s) : "");
  const planOf = (key) => (key && base.variants?.[key]) || base;
  if (base.variants && sideBox) {
    sideBox.hidden = false;
    for (const input of sideBox.querySelectorAll('input[name="side"]')) {
      input.checked = input.value === side.side;
      input.addEventListener("change", () => {
        side.side = input.value;
        keepSide();
      });
    }
    oneSide.checked = Boolean(side.only);
    oneSide.addEventListener("change", () => {
      side.only = oneSide.checked;
      keepSide();
    });
  }
  function keepSide() {
    oneSide.disabled = !side.side;
    try {
      localStorage.setItem(SIDE_KEY, JSON.stringify(side));
    } catch {
      // Not remembered; still applies to this visit.
    }
  }
  if (oneSide) oneSide.disabled = !side.side;

  // --- Keep the screen on while running --------------------------------------
  async function keepAwake() {
    if (lock || !navigator.wakeLock || document.visibilityState !== "visible") return;
    try {
      const sentinel = await navigator.wakeLock.request("screen");
      if (player.status !== core.RUNNING || lock) {
        sentinel.release().catch(() => {});
        return;
      }
      lock = sentinel;
      lock.addEventListener("release", () => {
        if (lock === sentinel) lock = null;
      });
    } catch {
      // Refused (battery saver, no permission): the timer works without it.
    }
  }

  function letSleep() {
    if (!lock) return;
    lock.release().catch(() => {});
    lock = null;
  }

  // --- Screens and rendering -------------------------------------------------
  function show(name) {
    for (const [key, screen] of Object.entries(screens)) screen.hidden = key !== name;
    el("prefs").hidden = name === "end";
  }

  function showAbout(item) {
    for (const about of abouts) {
      const hide = Number(about.dataset.item) !== item;
      if (about.hidden !== hide) about.hidden = hide;
    }
  }

  function slugOf(item) {
    const about = abouts.find((node) => Number(node.dataset.item) === item);
    return about ? about.dataset.slug : root.dataset.slug || "";
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function announce(step) {
    let text = step.label;
    const where = core.describePosition(step);
    if (where) text = t("timer.announce_where", { label: text, where });
    if (step.exercise && step.exercise !== lastExercise) {
      if (lastExercise !== null || step.exercise !== root.dataset.title) {
        text = t("timer.announce_exercise", { exercise: step.exercise, text });
      }
      lastExercise = step.exercise;
    }
    setText(ui.status, t("timer.announce", { text }));
  }

  // The page's update bar waits for "timer:idle" before it reloads anything.
  function setState(status) {
    const was = root.dataset.state;
    root.dataset.state = status;
    const busy = (value) => value === core.RUNNING || value === core.PAUSED;
    if (busy(was) && !busy(status)) document.dispatchEvent(new CustomEvent("timer:idle"));
  }

  function render(snap) {
    const { step } = snap;
    setState(snap.status);
    if (snap.changed) {
      cue(step);
      announce(step);
    } else if (snap.countdown) {
      count(snap.countdown, step);
    }
    if (step.item !== null && step.item !== undefined) showAbout(step.item);
    ui.display.dataset.kind = step.kind;
    ui.display.classList.toggle("is-paused", snap.status === core.PAUSED);
    ui.display.classList.toggle("is-long", step.seconds >= 60);
    ui.paused.hidden = snap.status !== core.PAUSED;
    // The exercise's name, unless the label already says it (an activity's first half).
    if (step.exercise) setText(ui.exercise, step.exercise === step.label ? "" : step.exercise);
    setText(ui.label, step.label);
    setText(ui.digits, core.formatClock(snap.remaining, step.seconds >= 60));
    setText(ui.where, core.describePosition(step));
    setText(ui.next, core.describeNext(snap.next));
    setText(ui.left, t("timer.session_left", { time: core.formatClock(snap.sessionLeft, true) }));
    ui.stepBar.value = snap.stepProgress;
    ui.sessionBar.value = snap.sessionProgress;
    setText(ui.pause, snap.status === core.PAUSED ? t("timer.resume") : t("timer.pause"));
    if (snap.status === core.DONE && !ended) end(snap);
  }

  function update() {
    const snap = player.tick(clock());
    render(snap);
    // Each new step is kept on the phone: the session as it would stand if she left now.
    if (snap.changed && live()) keep(snap);
    return snap;
  }

  function run() {
    if (!loop) loop = setInterval(update, TICK_MS);
    keepAwake();
  }

  function halt() {
    clearInterval(loop);
    loop = null;
    letSleep();
  }

  // --- Pain scores -------------------------------------------------------------
  function painScore(name) {
    const checked = root.querySelector(`input[name="${name}"]:checked`);
    return checked && checked.value !== "" ? Number(checked.value) : null;
  }

  function resetPain(name) {
    const skip = root.querySelector(`input[name="${name}"][value=""]`);
    if (skip) skip.checked = true;
  }

  // The answers (static/js/pain-core.js): before starting, a high score suggests the
  // flare-up routine or rest; after, more pain or high pain says to stop for today.
  function adviseBefore() {
    el("advice-flare").hidden = adviceFor(painScore("pain-before"), null) !== FLARE;
  }

  function adviseAfter() {
    const after = painScore("pain-after");
    const stop = after !== null && adviceFor(painBefore, after) === STOP_FOR_TODAY;
    el("advice-stop").hidden = !stop || !el("hurt").hidden;
  }

  // --- The session record: saved as soon as the end screen shows ---------------
  function note(text) {
    setText(ui.saved, text);
  }

  // The record of a session as the snapshot has it; `reason` why it stopped.
  function recordOf(snap, reason, at) {
    const steps = plan.steps;
    return {
      uid,
      startedAt: new Date(snap.startedAt).toISOString(),
      endedAt: new Date(snap.endedAt ?? at).toISOString(),
      kind: root.dataset.kind || "exercise",
      slug: root.dataset.slug || "",
      title: root.dataset.title || "",
      plannedSeconds: plan.total_seconds ?? player.totalSeconds,
      actualSeconds: Math.round(snap.elapsedMs / 1000),
      completed: snap.completed,
      painBefore,
      stoppedFor: reason,
      skippedExercises: snap.skipped.map(slugOf),
      skippedSteps: snap.skippedSteps.map((i) => ({
        step: i,
        kind: steps[i].kind,
        side: steps[i].side,
        exercise: slugOf(steps[i].item),
      })),
      sides: [...new Set(steps.map((step) => step.side).filter(Boolean))],
    };
  }

  function write(row) {
    saving = saving.catch(() => null).then(() => store.recordSession(row));
    return saving;
  }

  // The session kept on the phone while it runs: its state in localStorage (read back on
  // the next visit) and, from 5 s of exercise on, its record as stopped early ("left"),
  // which the end replaces (same uid). `snap` given: the record too.
  function keep(snap) {
    if (!live()) return;
    const now = Date.now();
    try {
      const state = player.save();
      const kept = { version: plan.version, variant, uid, painBefore, savedAt: now, state };
      localStorage.setItem(runKey, JSON.stringify(kept));
    } catch {
      // Full or private: the record below still says what she did.
    }
    if (snap && core.worthKeeping(snap)) write(recordOf(snap, "left", now)).catch(() => {});
  }

  function forget() {
    try {
      localStorage.removeItem(runKey);
    } catch {
      // Nothing kept.
    }
  }

  function end(snap) {
    ended = true;
    halt();
    forget();
    const hurt = snap.stoppedFor === core.STOPPED_FOR_PAIN;
    if (hurt) {
      silence();
      say(t("timer.stopped_pain"));
    } else if (!snap.completed) {
      beep("done");
      buzz("done");
      say(t("timer.finished"));
    }
    const seconds = Math.round(snap.elapsedMs / 1000);
    const duration = core.formatDuration(seconds);
    if (hurt) ui.spent.textContent = t("timer.spent_pain", { duration });
    else if (snap.completed) ui.spent.textContent = t("timer.spent_whole", { duration });
    else ui.spent.textContent = t("timer.spent_early", { duration });
    // Stopped because it hurts: what to do next, and no "Start again" today.
    el("end-heading").hidden = hurt;
    el("hurt").hidden = !hurt;
    el("again").hidden = hurt;
    adviseAfter();
    // Under 5 s of exercise nothing is kept (unless she stopped because it hurts).
    const keepIt = core.worthKeeping(snap);
    record = keepIt ? recordOf(snap, snap.stoppedFor) : null;
    el("save").hidden = !keepIt;
    el("pain-after").hidden = !keepIt;
    show("end");
    el(hurt ? "hurt-heading" : "end-heading").focus();
    if (!keepIt) {
      note(t("timer.too_short", { seconds: core.MIN_RECORDED_SECONDS }));
      return;
    }
    note(t("timer.saving"));
    saving = write(record)
      .then((id) => {
        note(t("timer.saved"));
        document.dispatchEvent(new CustomEvent("timer:session-recorded", { detail: { id } }));
        return id;
      })
      .catch(() => {
        note(t("timer.not_saved"));
        return null;
      });
  }

  function save() {
    if (!record) return;
    const painAfter = painScore("pain-after");
    saving = saving
      .then((id) =>
        id === null
          ? store.recordSession({ ...record, painAfter })
          : store.updateSession(id, { painAfter }).then(() => id),
      )
      .then((id) => {
        note(painAfter === null ? t("timer.saved") : t("timer.saved_with_pain"));
        return id;
      })
      .catch(() => {
        note(t("timer.not_saved"));
        return null;
      });
  }

  // --- Controls -----------------------------------------------------------------
  // Plays `key`'s plan (a side variant, or "" for the plan as it is).
  function choose(key) {
    variant = key;
    plan = planOf(key);
    player = core.createPlayer(plan);
  }

  function begin() {
    show("run");
    arm();
    update();
    if (player.status === core.RUNNING) run();
    keep();
    ui.pause.focus({ preventScroll: true });
    root.scrollIntoView({ block: "start" });
  }

  function start() {
    unlockAudio();
    painBefore = painScore("pain-before");
    lastExercise = null;
    ended = false;
    choose(variantOf(side));
    uid = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    player.start(clock());
    begin();
  }

  function togglePause() {
    const now = clock();
    if (player.status === core.RUNNING) {
      player.pause(now);
      halt();
      silence();
      update();
    } else if (player.status === core.PAUSED) {
      unlockAudio();
      player.resume(now);
      update();
      run();
    }
    keep();
  }

  // Every control but "Stop, it hurts" (which always acts at once) waits out GUARD_MS.
  function act(method) {
    return () => {
      if (method !== "stopForPain" && !ready()) return;
      player[method](clock());
      update();
      if (player.status === core.RUNNING) run();
      keep();
    };
  }

  // Restart and Finish ask first, in place of the pair (no dialog): "Keep going" or "Yes".
  let asked = null;
  function ask(method) {
    return () => {
      asked = method;
      const restart = method === "restart";
      el("sure-question").textContent = restart ? t("timer.sure_restart") : t("timer.sure_finish");
      el("sure-yes").textContent = restart ? t("timer.yes_restart") : t("timer.yes_finish");
      el("minor").hidden = true;
      el("sure").hidden = false;
      arm();
      el("sure-no").focus({ preventScroll: true });
    };
  }
  // "Keep going" always works; "Yes" waits out GUARD_MS (a double tap is not a yes).
  function answer(yes) {
    if (yes && !ready()) return;
    el("sure").hidden = true;
    el("minor").hidden = false;
    if (yes && asked === "restart") unlockAudio();
    if (yes) act(asked)();
    if (!ended) el(asked).focus({ preventScroll: true });
  }

  function again() {
    player = core.createPlayer(plan);
    ended = false;
    el("start").hidden = false;
    el("resume").hidden = true;
    resetPain("pain-before");
    resetPain("pain-after");
    adviseBefore();
    adviseAfter();
    note("");
    setState(core.IDLE);
    show("intro");
    el("start").focus();
  }

  el("start").addEventListener("click", start);
  ui.pause.addEventListener("click", () => ready() && togglePause());
  el("skip").addEventListener("click", act("skip"));
  el("back").addEventListener("click", act("back"));
  el("restart").addEventListener("click", ask("restart"));
  el("sure-yes").addEventListener("click", () => answer(true));
  el("sure-no").addEventListener("click", () => answer(false));
  el("hurts").addEventListener("click", act("stopForPain"));
  el("skip-exercise")?.addEventListener("click", act("skipExercise"));
  // The help page opens in a new tab: the timer waits for her, paused.
  el("help").addEventListener("click", () => {
    if (player.status === core.RUNNING) togglePause();
  });
  for (const input of root.querySelectorAll('input[name="pain-before"]')) {
    input.addEventListener("change", adviseBefore);
  }
  for (const input of root.querySelectorAll('input[name="pain-after"]')) {
    input.addEventListener("change", adviseAfter);
  }
  el("finish").addEventListener("click", ask("finish"));
  el("save").addEventListener("click", save);
  el("again").addEventListener("click", again);

  // Space toggles pause when no control has the focus; on a focused button, Space and
  // Enter press that button, as everywhere.
  const spaceIsOurs = (event) => {
    if (event.key !== " " || event.ctrlKey || event.altKey || event.metaKey) return false;
    if (!live() || screens.run.hidden) return false;
    return !event.target.closest?.("input, select, textarea, button, a, summary, [contenteditable]");
  };
  document.addEventListener("keydown", (event) => {
    if (!spaceIsOurs(event)) return;
    event.preventDefault(); // no page scroll, no button click on keyup
    if (!event.repeat) togglePause();
  });
  document.addEventListener("keyup", (event) => {
    if (spaceIsOurs(event)) event.preventDefault();
  });

  // Back from a locked screen or another app: put the screen right at once. Going out of
  // sight, the session is kept as it stands (the phone may discard the tab).
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") {
      if (live()) keep(update());
      return;
    }
    if (player.status === core.RUNNING) {
      update();
      keepAwake();
    }
  });

  // Leaving the page (another page, a reload, closing the tab): paused where she is, kept
  // on the phone and recorded as stopped early; coming back offers to carry on. No dialog.
  function leave() {
    if (!live()) return;
    const now = clock();
    player.pause(now);
    halt();
    keep(player.tick(now));
    render(player.tick(now));
  }
  window.addEventListener("pagehide", leave);
  window.addEventListener("beforeunload", leave);

  // --- A session kept on the phone from the last visit --------------------------------
  function adopt(kept) {
    choose(typeof kept.variant === "string" ? kept.variant : "");
    uid = kept.uid;
    painBefore = kept.painBefore ?? null;
  }

  function readKept() {
    try {
      return JSON.parse(localStorage.getItem(runKey));
    } catch {
      return null;
    }
  }

  function resumeKept() {
    const kept = readKept();
    const mode = kept && core.resumable(kept, planOf(kept.variant).version, Date.now());
    if (!mode) return forget();
    adopt(kept);
    if (mode === "stale" || !player.restore(kept.state, mode === "stale" ? kept.savedAt : clock())) {
      stopKept(kept);
      return;
    }
    if (mode === core.RUNNING) {
      lastExercise = null;
      begin();
      return;
    }
    // Paused: where she was, and "Carry on" or "Start again" (unless nothing worth keeping).
    const snap = player.tick(clock());
    if (!core.worthKeeping(snap)) {
      forget();
      choose("");
      return;
    }
    const where = core.describePosition(snap.step);
    const step = where ? t("timer.announce_where", { label: snap.step.label, where }) : snap.step.label;
    el("resume-where").textContent = t("timer.resume_where", {
      step,
      time: core.formatDuration(snap.remaining),
    });
    el("start").hidden = true;
    el("resume").hidden = false;
  }

  // A kept session she will not carry on: recorded as stopped early where she left it.
  function stopKept(kept) {
    player.finish(kept.savedAt);
    const snap = player.tick(kept.savedAt);
    if (snap.status === core.DONE && core.worthKeeping(snap)) {
      write(recordOf(snap, "left", kept.savedAt)).catch(() => {});
    }
    forget();
    choose("");
  }

  el("carry-on").addEventListener("click", () => {
    el("resume").hidden = true;
    el("start").hidden = false;
    unlockAudio();
    ended = false;
    lastExercise = null;
    player.resume(clock());
    begin();
  });
  el("start-over").addEventListener("click", () => {
    stopKept({ savedAt: Date.now(), ...readKept() });
    again();
  });

  root.querySelector('[data-el="nojs"]').hidden = true;
  show("intro");
  resumeKept();
}
