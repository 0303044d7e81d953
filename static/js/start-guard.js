// Starting something that is not yet for her (suitability-core.js says NOT_YET for the
// page's own rules and her check-in) asks first: "My physiotherapist or doctor has cleared
// me for this". Her answer is remembered on this phone, per exercise or routine
// (localStorage, never sent). Until then the timer's Start does not start: this module
// catches the click on its way to the Start button (a capture listener on the timer), so
// timer.js stays a player that knows nothing about rules.
import { CLEARED_KEY, loadCheckin, today } from "./checkin-store.js";
import { NOT_YET, assess } from "./suitability-core.js";

export const STORAGE_KEY = CLEARED_KEY; // forgotten with her answers (forgetCheckin)

function readList() {
  try {
    const list = JSON.parse(globalThis.localStorage.getItem(STORAGE_KEY));
    return Array.isArray(list) ? list.filter((item) => typeof item === "string") : [];
  } catch {
    return []; // nothing kept, or garbled: ask again (fail safe)
  }
}

export function isConfirmed(id) {
  return readList().includes(id);
}

export function confirm(id) {
  const list = readList();
  if (!list.includes(id)) list.push(id);
  try {
    globalThis.localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // the phone would not keep it: she is asked again next time
  }
}

function pageRules(doc) {
  try {
    return JSON.parse(doc.getElementById("rules").textContent);
  } catch {
    return null; // no or unreadable rules: assess treats them as "needs clearance"
  }
}

function guard(doc = globalThis.document) {
  const root = doc.getElementById("timer");
  const box = root?.querySelector('[data-el="confirm"]');
  const start = root?.querySelector('[data-el="start"]');
  if (!box || !start) return;
  const id = `${root.dataset.kind}:${root.dataset.slug}`;
  const { verdict } = assess(pageRules(doc), loadCheckin().checkin ?? null, today());
  const mustAsk = () => verdict === NOT_YET && !isConfirmed(id);
  root.dataset.needsConfirmation = String(mustAsk());

  root.addEventListener(
    "click",
    (event) => {
      if (event.target.closest('[data-el="start"]') !== start || !mustAsk()) return;
      event.stopPropagation(); // the timer never hears it
      event.preventDefault();
      box.hidden = false;
      box.querySelector("[data-confirm-heading]").focus();
    },
    true,
  );
  box.querySelector('[data-el="confirm-yes"]').addEventListener("click", () => {
    confirm(id);
    root.dataset.needsConfirmation = "false";
    box.hidden = true;
    start.click(); // now let through: the timer starts
  });
  box.querySelector('[data-el="confirm-no"]').addEventListener("click", () => {
    box.hidden = true;
    start.focus();
  });
}

if (globalThis.document) guard();
