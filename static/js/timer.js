// The guided timer player: plays the plan from the page's json_script element in the
// markup of templates/exercises/_timer.html. Time comes from Date.now() and the
// core's stored end times (static/js/timer-core.js); sessions are kept on the device
// (static/js/sessions.js). The two modules are loaded by their hashed URLs, which the
// template hands over in data- attributes. Its words come from the page's catalogue
// (static/js/i18n.js); the answers to pain scores are chosen by static/js/pain-core.js
// (the thresholds) and written in the template, which this only shows or hides.

import { createCues } from "./cues.js";
import { t } from "./i18n.js";
import { FLARE, STOP_FOR_TODAY, adviceFor } from "./pain-core.js";

const root = document.getElementById("timer");
const PREFS_KEY = "timer.prefs";
const TICK_MS = 250;

function moduleUrl(name, fallback) {
  return root.dataset[name] || new URL(fallback, import.meta.url).href;
}

if (root) {
  const planEl = document.getElementById(root.dataset.plan || "exercise-plan");
  let plan = null;
  try {
    plan = planEl && JSON.parse(planEl.textContent);
  } catch {
    plan = null;
  }
  if (plan && Array.isArray(plan.steps) && plan.steps.length) {
    Promise.all([
      import(moduleUrl("core", "./timer-core.js")),
      import(moduleUrl("store", "./sessions.js")),
    ]).then(([core, store]) => setUp(core, store, plan));
  }
}

function setUp(core, store, plan) {
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
  const playerButtons = [...root.querySelectorAll("button")];
  // Each exercise's drawing, first step and "Stop if", by its position in the plan (`item`).
  const abouts = [...root.querySelectorAll("[data-item]")];

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
  const { unlockAudio, beep, buzz, silence, say, cue } = createCues(prefs);

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
      beep("count");
      buzz("count");
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
    const snap = player.tick(Date.now());
    render(snap);
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

  function end(snap) {
    ended = true;
    halt();
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
    record = {
      startedAt: new Date(snap.startedAt).toISOString(),
      endedAt: new Date(snap.endedAt).toISOString(),
      kind: root.dataset.kind || "exercise",
      slug: root.dataset.slug || "",
      title: root.dataset.title || "",
      plannedSeconds: plan.total_seconds ?? player.totalSeconds,
      actualSeconds: seconds,
      completed: snap.completed,
      painBefore,
      painAfter: null,
      stoppedFor: snap.stoppedFor,
      skippedExercises: snap.skipped.map(slugOf),
    };
    const row = { ...record };
    note(t("timer.saving"));
    saving = store
      .recordSession(row)
      .then((id) => {
        note(t("timer.saved"));
        document.dispatchEvent(new CustomEvent("timer:session-recorded", { detail: { id } }));
        return id;
      })
      .catch(() => {
        note(t("timer.not_saved"));
        return null;
      });
    show("end");
    el(hurt ? "hurt-heading" : "end-heading").focus();
  }

  function save() {
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
  function start() {
    unlockAudio();
    painBefore = painScore("pain-before");
    lastExercise = null;
    ended = false;
    player.start(Date.now());
    show("run");
    update();
    run();
    ui.pause.focus({ preventScroll: true });
    root.scrollIntoView({ block: "start" });
  }

  function togglePause() {
    const now = Date.now();
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
  }

  function act(method) {
    return () => {
      if (method === "restart") unlockAudio();
      player[method](Date.now());
      update();
      if (player.status === core.RUNNING) run();
    };
  }

  function again() {
    player = core.createPlayer(plan);
    ended = false;
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
  ui.pause.addEventListener("click", togglePause);
  el("skip").addEventListener("click", act("skip"));
  el("back").addEventListener("click", act("back"));
  el("restart").addEventListener("click", act("restart"));
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
  el("finish").addEventListener("click", act("finish"));
  el("save").addEventListener("click", save);
  el("again").addEventListener("click", again);

  // Space toggles pause, except in a form control that is not one of the player's buttons.
  const spaceIsOurs = (event) => {
    if (event.key !== " " || event.ctrlKey || event.altKey || event.metaKey) return false;
    if (player.status !== core.RUNNING && player.status !== core.PAUSED) return false;
    const target = event.target;
    if (playerButtons.includes(target)) return true;
    return !target.closest?.("input, select, textarea, button, [contenteditable]");
  };
  document.addEventListener("keydown", (event) => {
    if (!spaceIsOurs(event)) return;
    event.preventDefault(); // no page scroll, no button click on keyup
    if (!event.repeat) togglePause();
  });
  document.addEventListener("keyup", (event) => {
    if (spaceIsOurs(event)) event.preventDefault();
  });

  // Back from a locked screen or another app: put the screen right at once.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    if (player.status === core.RUNNING) {
      update();
      keepAwake();
    }
  });

  root.querySelector('[data-el="nojs"]').hidden = true;
  show("intro");
}
