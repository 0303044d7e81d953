// "Today's routine" picks only among the routines that suit her. The routines take turns
// by day (as on the server, exercises/views.py todays_turn), and from today's turn on the
// first one that suits her check-in is hers today. The page gives the playable routines as
// data (a JSON block "today-routines": name, url, seconds, length, rules).
//
// Home page: the button goes to her routine and the line under it says its name and
// length; with none suitable, it says why (the reasons of the gentlest one) and leads to
// the exercise list; with a warning sign, to the help page. /routines/today/: if the
// routine the server chose is not for her, the page moves to the one that is.
import { loadCheckin, today } from "./checkin-store.js";
import { t } from "./i18n.js";
import {
  EMERGENCY,
  NOT_YET,
  NO_CHECKIN,
  SUITABLE,
  URGENT,
  assess,
  dayNumber,
} from "./suitability-core.js";
import { reasonText } from "./suitability.js";

// Python's date.toordinal() of 1970-01-01: dayNumber() counts from there.
const ORDINAL_1970 = 719163;

// Her routine today: {verdict, routine} with verdict SUITABLE or NO_CHECKIN; {verdict:
// EMERGENCY | URGENT}; {verdict: NOT_YET, gentlest, reasons} when none suits her;
// {verdict: null} when there are no routines.
export function pickToday(routines, checkin, day) {
  const list = Array.isArray(routines) ? routines : [];
  if (!list.length) return { verdict: null };
  const first = (dayNumber(day) + ORDINAL_1970) % list.length;
  const turns = [...list.slice(first), ...list.slice(0, first)];
  const judged = turns.map((routine) => ({ routine, ...assess(routine.rules, checkin, day) }));
  const care = judged[0].verdict;
  if (care === EMERGENCY || care === URGENT) return { verdict: care };
  const fits = judged.find((j) => j.verdict === SUITABLE || j.verdict === NO_CHECKIN);
  if (fits) return { verdict: fits.verdict, routine: fits.routine };
  const gentlest = [...judged].sort(
    (a, b) => a.reasons.length - b.reasons.length || a.routine.seconds - b.routine.seconds,
  )[0];
  return { verdict: NOT_YET, gentlest: gentlest.routine, reasons: gentlest.reasons };
}

function readRoutines(doc) {
  try {
    return JSON.parse(doc.getElementById("today-routines").textContent);
  } catch {
    return [];
  }
}

function showOnHome(doc, pick) {
  const button = doc.querySelector("[data-today-link]");
  const line = doc.querySelector("[data-today-routine]");
  if (!button || !line || !pick.verdict) return;
  line.hidden = false;
  if (pick.routine) {
    button.href = pick.routine.url;
    line.textContent = t("today.routine", { name: pick.routine.name, length: pick.routine.length });
  } else if (pick.verdict === NOT_YET) {
    button.href = "/exercises/";
    button.textContent = t("today.see_exercises");
    const why = pick.reasons.map(reasonText).join(" ");
    line.textContent = `${t("today.none_yet")} ${why}`;
  } else {
    const help = doc.querySelector(".nav-help")?.getAttribute("href");
    if (help) button.href = help;
    button.textContent = t("suitability.help_link");
    line.textContent =
      pick.verdict === EMERGENCY ? t("suitability.emergency") : t("suitability.urgent");
  }
  line.dataset.verdict = pick.verdict;
}

function run(doc) {
  const pick = pickToday(readRoutines(doc), loadCheckin().checkin ?? null, today());
  const served = doc.querySelector("[data-today-served]")?.dataset.todayServed;
  if (served) {
    // /routines/today/: go to her routine when the server's turn is not hers.
    if (pick.routine && pick.routine.url !== served) globalThis.location.replace(pick.routine.url);
    return;
  }
  showOnHome(doc, pick);
}

if (globalThis.document) run(globalThis.document);
