// The check-in page (templates/checkin.html): one question at a time, answers kept on this
// phone only (checkin-store.js). Nothing here sends anything: the form's submit is always
// cancelled, and there is no fetch. The record and its checks are suitability-core.js's.
import { forgetCheckin, loadCheckin, ruleWeeks, saveCheckin, today } from "./checkin-store.js";
import { language, t, tn } from "./i18n.js";
import {
  birthDateFromWeeks,
  careNeeded,
  checkBirthDate,
  dayNumber,
  EMERGENCY,
  MAX_DAYS_SINCE_BIRTH,
  needsNewCheckin,
  newCheckin,
  URGENT,
  weeksSince,
} from "./suitability-core.js";

const root = document.getElementById("checkin");
const form = root.querySelector('[data-el="form"]');
const steps = [...form.querySelectorAll("[data-step]")];
const el = (name) => root.querySelector(`[data-el="${name}"]`);
const notices = ["damaged", "unsaved", "forgotten", "stale"];

let current = 0; // index in steps
let saved = null; // the check-in on the phone, or null
let answers = {};

function field(name) {
  return form.querySelectorAll(`[data-field="${name}"]`);
}

function chosen(name) {
  return [...field(name)].find((input) => input.checked)?.value ?? "";
}

function choose(name, value) {
  for (const input of field(name)) input.checked = input.value === value;
}

function show(names) {
  for (const name of notices) el(name).hidden = !names.includes(name);
}

// --- Errors: one message per question, linked from its inputs by aria-describedby ------
function stepInputs(step) {
  return [...step.querySelectorAll("input")];
}

function describedBy(input, errorShown, errorId) {
  const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  const others = ids.filter((id) => id !== errorId);
  const next = errorShown ? [...others, errorId] : others;
  if (next.length) input.setAttribute("aria-describedby", next.join(" "));
  else input.removeAttribute("aria-describedby");
}

function setError(step, problem) {
  const error = step.querySelector('[data-el="error"]');
  error.hidden = !problem;
  for (const message of error.querySelectorAll("[data-problem]")) {
    message.hidden = message.dataset.problem !== problem;
  }
  for (const input of stepInputs(step)) {
    describedBy(input, Boolean(problem), error.id);
    if (problem) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
}

// --- Reading each question ---------------------------------------------------------------
const dateInput = form.querySelector('[data-field="birthDate"]');
const weeksInput = form.querySelector('[data-field="weeksAgo"]');

function readBirth(day) {
  if (dateInput.validity.badInput) return { problem: "invalid" }; // a part of the date missing
  if (dateInput.value) return checkBirthDate(dateInput.value, day);
  if (weeksInput.validity.badInput) return { problem: "weeks-invalid" };
  const result = birthDateFromWeeks(weeksInput.value, day);
  return result.problem === "invalid" ? { problem: "weeks-invalid" } : result;
}

// Reads the current question into `answers`: returns a problem, or null when answered.
function readStep(name, day) {
  if (name === "born") {
    const result = readBirth(day);
    if (result.problem) return result.problem;
    answers.birthDate = result.date;
    return null;
  }
  const value = chosen(name);
  if (!value) return "empty";
  answers[name] = name === "emergency" || name === "urgent" ? value === "yes" : value;
  return null;
}

// Typing one way of giving the birth clears the other: one answer, never two that disagree.
dateInput.addEventListener("input", () => {
  if (dateInput.value) weeksInput.value = "";
});
weeksInput.addEventListener("input", () => {
  if (weeksInput.value) dateInput.value = "";
});

// --- Moving through the questions --------------------------------------------------------
function focusQuestion(step) {
  step.querySelector(".checkin__question").focus();
}

function goTo(index, { focus = true } = {}) {
  current = index;
  steps.forEach((step, i) => {
    step.hidden = i !== index;
  });
  // Back from the first question returns to her saved answers, when there are some.
  form.querySelector('[data-action="back"]').hidden = index === 0 && !saved;
  if (focus) focusQuestion(steps[index]);
}

function startForm({ prefill = null, focus = true } = {}) {
  answers = {};
  form.reset();
  for (const step of steps) setError(step, null);
  if (prefill) {
    dateInput.value = prefill.birthDate;
    choose("birth", prefill.birth);
    choose("cleared", prefill.cleared);
    choose("emergency", prefill.emergency ? "yes" : "no");
    choose("urgent", prefill.urgent ? "yes" : "no");
  }
  const day = today();
  dateInput.max = day;
  dateInput.min = new Date((dayNumber(day) - MAX_DAYS_SINCE_BIRTH) * 86400000)
    .toISOString()
    .slice(0, 10);
  hideResults();
  form.hidden = false;
  root.dataset.state = "asking";
  goTo(0, { focus });
}

form.addEventListener("submit", (event) => {
  event.preventDefault(); // never leaves the page: her answers stay here
  const day = today();
  const step = steps[current];
  const problem = readStep(step.dataset.step, day);
  setError(step, problem);
  if (problem) {
    stepInputs(step)[0].focus();
    return;
  }
  const name = step.dataset.step;
  if (name === "emergency" && answers.emergency) {
    answers.urgent = false; // not asked: the emergency comes first
    finish(day);
  } else if (current === steps.length - 1) {
    finish(day);
  } else {
    goTo(current + 1);
  }
});

form.querySelector('[data-action="back"]').addEventListener("click", () => {
  if (current > 0) goTo(current - 1);
  else if (saved) showSaved(saved, today());
});

function finish(day) {
  const result = newCheckin({ ...answers, spokeToProfessional: false }, day);
  if (!result.checkin) {
    // Cannot happen with the questions above; never save or show what does not read back.
    startForm();
    show(["damaged"]);
    return;
  }
  keep(result.checkin, day);
}

function keep(checkin, day) {
  const stored = saveCheckin(checkin);
  saved = checkin;
  showSaved(checkin, day, { unsaved: !stored });
}

// --- What she sees once she has answered -------------------------------------------------
function hideResults() {
  for (const section of root.querySelectorAll("[data-result]")) section.hidden = true;
  el("summary").hidden = true;
  el("manage").hidden = true;
}

function formatDate(iso) {
  const days = dayNumber(iso);
  const date = new Date(days * 86400000);
  try {
    return new Intl.DateTimeFormat(language() || undefined, {
      dateStyle: "long",
      timeZone: "UTC",
    }).format(date);
  } catch {
    return iso;
  }
}

function labelOf(name, value) {
  const input = [...field(name)].find((item) => item.value === value);
  return input ? input.closest("label").textContent.trim() : value;
}

function fillSummary(checkin, day) {
  const weeks = weeksSince(checkin.birthDate, day);
  const date = formatDate(checkin.birthDate);
  const answer = (name) => root.querySelector(`[data-answer="${name}"]`);
  answer("born").textContent =
    weeks === 0 ? t("checkin.born_this_week", { date }) : tn("checkin.born_weeks_ago", weeks, { date });
  answer("birth").textContent = labelOf("birth", checkin.birth);
  answer("cleared").textContent = labelOf("cleared", checkin.cleared);
  answer("saved").textContent = formatDate(checkin.savedOn);
  const signs = !checkin.urgent ? "none" : checkin.spokeToProfessional ? "spoken" : "urgent";
  for (const text of answer("signs").querySelectorAll("[data-value]")) {
    text.hidden = text.dataset.value !== signs;
  }
}

function showSaved(checkin, day, { unsaved = false, focus = true, stale = false } = {}) {
  form.hidden = true;
  hideResults();
  const care = careNeeded(checkin);
  const result = care === EMERGENCY ? "emergency" : care === URGENT ? "urgent" : "ready";
  const section = root.querySelector(`[data-result="${result}"]`);
  section.hidden = false;
  section.querySelector('[data-note="not-cleared"]')?.toggleAttribute("hidden", checkin.cleared === "yes");
  // An emergency: only the emergency card (and the way to change or forget the answers).
  if (result !== "emergency") {
    fillSummary(checkin, day);
    el("summary").hidden = false;
  }
  el("manage").hidden = false;
  show([...(unsaved ? ["unsaved"] : []), ...(stale ? ["stale"] : [])]);
  root.dataset.state = result;
  if (focus) section.querySelector("[tabindex='-1']").focus();
}

root.querySelector('[data-action="spoken"]').addEventListener("click", () => {
  const day = today();
  const result = newCheckin({ ...saved, spokeToProfessional: true }, day);
  if (result.checkin) keep(result.checkin, day);
});

for (const button of root.querySelectorAll('[data-action="change"]')) {
  button.addEventListener("click", () => {
    show([]);
    startForm({ prefill: saved });
  });
}

root.querySelector('[data-action="forget"]').addEventListener("click", () => {
  forgetCheckin();
  saved = null;
  startForm({ focus: false });
  show(["forgotten"]);
  el("forgotten").focus();
});

// --- On opening the page -----------------------------------------------------------------
function open() {
  el("nojs").hidden = true;
  const day = today();
  const { checkin, problem } = loadCheckin(day);
  if (checkin) {
    saved = checkin;
    const stale = needsNewCheckin(checkin, day, ruleWeeks());
    showSaved(checkin, day, { focus: false, stale });
    return;
  }
  if (problem !== "missing") forgetCheckin(); // unusable: cleared, and she is told so
  startForm({ focus: false });
  show(problem === "missing" ? [] : ["damaged"]);
}

open();
