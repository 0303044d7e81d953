// Start asks first when her check-in says so (suitability-core.js assess, for the page's own
// rules and her check-in):
//  - an emergency sign: Start never starts; the emergency card (who to call) shows instead;
//  - an urgent sign she has not yet spoken to a professional about: the urgent card asks;
//    "I have spoken to a health professional" is kept in her check-in, as the check-in
//    page keeps it, and Start goes on (to the next question, if any);
//  - not yet for her (NOT_YET): "My physiotherapist or doctor has cleared me for this",
//    remembered on this phone per exercise or routine (localStorage, never sent).
// Until then the timer's Start does not start: this module catches the click on its way
// to the Start button (a capture listener on the timer), so timer.js stays a player that
// knows nothing about rules. The cards are templates/exercises/_start_care.html.
import { CLEARED_KEY, loadCheckin, saveCheckin, today } from "./checkin-store.js";
import { EMERGENCY, NOT_YET, URGENT, assess, newCheckin } from "./suitability-core.js";

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

// She says she has spoken to a health professional: kept in her check-in as the check-in
// page keeps it. Returns the check-in to judge by now (the phone may refuse to keep it:
// then for this page only).
function recordSpoken(checkin) {
  const day = today();
  const result = newCheckin({ ...checkin, spokeToProfessional: true }, day);
  if (result.checkin && saveCheckin(result.checkin)) return result.checkin;
  return { ...checkin, spokeToProfessional: true };
}

function guard(doc = globalThis.document) {
  const root = doc.getElementById("timer");
  const box = root?.querySelector('[data-el="confirm"]');
  const start = root?.querySelector('[data-el="start"]');
  if (!box || !start) return;
  const care = doc.getElementById("start-care");
  if (care) box.after(care); // beside Start, where she is looking
  const cards = {
    [EMERGENCY]: care?.querySelector('[data-care="emergency"]'),
    [URGENT]: care?.querySelector('[data-care="urgent"]'),
  };
  const id = `${root.dataset.kind}:${root.dataset.slug}`;
  let spokenHere = null; // her check-in after "I have spoken...", if the phone would not keep it
  const checkin = () => spokenHere ?? loadCheckin().checkin ?? null;
  const verdict = () => assess(pageRules(doc), checkin(), today()).verdict;
  const mustAsk = (now) => now === NOT_YET && !isConfirmed(id);
  const hideAll = () => {
    box.hidden = true;
    for (const card of Object.values(cards)) if (card) card.hidden = true;
  };
  const show = (element) => {
    hideAll();
    element.hidden = false;
    element.querySelector("[data-confirm-heading], [data-care-heading]").focus();
  };
  root.dataset.needsConfirmation = String(mustAsk(verdict()));

  root.addEventListener(
    "click",
    (event) => {
      if (event.target.closest('[data-el="start"]') !== start) return;
      const now = verdict();
      const care = now === EMERGENCY || now === URGENT;
      if (!care && !mustAsk(now)) return;
      event.stopPropagation(); // the timer never hears it
      event.preventDefault();
      const question = care ? cards[now] : box;
      if (question) show(question); // (a page without the cards still never starts)
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
  cards[URGENT]?.querySelector('[data-el="care-spoken"]').addEventListener("click", () => {
    const saved = checkin();
    if (saved) spokenHere = recordSpoken(saved);
    cards[URGENT].hidden = true;
    start.click(); // asked again only what is still to ask (NOT_YET), else it starts
  });
  cards[URGENT]?.querySelector('[data-el="care-not-now"]').addEventListener("click", () => {
    cards[URGENT].hidden = true;
    start.focus();
  });
}

if (globalThis.document) guard();
