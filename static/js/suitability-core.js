// What suits her: one pure evaluation of an exercise's (or routine's) suitability rules
// against her check-in, on her phone (no DOM, no storage, no clock: `today` is passed in).
//
// The server emits each exercise's rules as data; a routine's rules are the strictest of
// its exercises' (computed on the server). This module is the only place they are judged.
// It fails safe: rules it cannot read count as "needs clearance for everyone", and a
// check-in it cannot trust counts as no check-in, so she is asked again; it never marks
// anything suitable because a value was missing or garbled.

export const CHECKIN_VERSION = 1;
// Ask again when the answers are older than this, or her weeks since birth crossed a rule.
export const CHECKIN_MAX_AGE_DAYS = 14;
// A birth date further back than this is a typing mistake (the app is for the first years).
export const MAX_DAYS_SINCE_BIRTH = 2 * 365;

export const BIRTHS = ["vaginal", "assisted", "caesarean"];
export const CLEARED = ["yes", "no", "unsure"];

// Verdicts.
export const NO_CHECKIN = "no-checkin"; // nothing blocked; invite her to check in
export const EMERGENCY = "emergency"; // only the emergency card, no exercise
export const URGENT = "urgent"; // the urgent card; exercise once she has spoken to someone
export const NOT_YET = "not-yet"; // readable, starting asks for her confirmation
export const SUITABLE = "suitable";

// Reasons for NOT_YET, in the order they are shown.
export const TOO_EARLY = "too-early";
export const CAESAREAN = "caesarean";
export const ASSISTED = "assisted";
export const EVERYONE = "everyone";

const SAFE_RULES = Object.freeze({
  earliestWeek: 0,
  afterCaesarean: true,
  afterAssisted: true,
  everyone: true,
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Days since 1970-01-01 for a "YYYY-MM-DD" date, or null when it is not a real date.
export function dayNumber(text) {
  const match = typeof text === "string" && DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  if (back.getUTCDate() !== day) return null;
  return Math.round(ms / 86400000);
}

export function weeksSince(birthDate, today) {
  return Math.floor((dayNumber(today) - dayNumber(birthDate)) / 7);
}

function fromDayNumber(days) {
  return new Date(days * 86400000).toISOString().slice(0, 10);
}

// The phone's own calendar date ("YYYY-MM-DD") for a Date: her today, in her time zone.
export function localDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// The birth date she typed, checked: {date} or {problem}: "empty", "invalid",
// "future-birth", "birth-too-long-ago" (the same limits readCheckin applies).
export function checkBirthDate(text, today) {
  const value = typeof text === "string" ? text.trim() : "";
  if (!value) return { problem: "empty" };
  const born = dayNumber(value);
  if (born === null) return { problem: "invalid" };
  if (born > dayNumber(today)) return { problem: "future-birth" };
  if (dayNumber(today) - born > MAX_DAYS_SINCE_BIRTH) return { problem: "birth-too-long-ago" };
  return { date: value };
}

// "Born N weeks ago" as a birth date: {date} or {problem}: "empty", "invalid" (not a whole
// number of weeks, or below 0), "birth-too-long-ago".
export function birthDateFromWeeks(text, today) {
  const value = typeof text === "string" ? text.trim() : "";
  if (!value) return { problem: "empty" };
  if (!/^\d{1,4}$/.test(value)) return { problem: "invalid" };
  const days = Number(value) * 7;
  if (days > MAX_DAYS_SINCE_BIRTH) return { problem: "birth-too-long-ago" };
  return { date: fromDayNumber(dayNumber(today) - days) };
}

// The rules as the server sent them ({earliest_week, after_caesarean, after_assisted,
// everyone}), each unreadable part replaced by its safe value.
export function readRules(raw) {
  if (!raw || typeof raw !== "object") return { ...SAFE_RULES };
  const week = raw.earliest_week;
  const flag = (value) => (typeof value === "boolean" ? value : true);
  const weekOk = Number.isInteger(week) && week >= 0 && week <= 104;
  return {
    earliestWeek: weekOk ? week : 0,
    afterCaesarean: flag(raw.after_caesarean),
    afterAssisted: flag(raw.after_assisted),
    // A week we cannot read means we do not know when it is safe: needs clearance.
    everyone: weekOk ? flag(raw.everyone) : true,
  };
}

// Her stored answers, checked. Returns {checkin} or {problem}: "missing", "damaged",
// "future-birth", "birth-too-long-ago". `today` is "YYYY-MM-DD".
export function readCheckin(raw, today) {
  if (raw === null || raw === undefined || raw === "") return { problem: "missing" };
  let data = raw;
  if (typeof raw === "string") {
    try {
      data = JSON.parse(raw);
    } catch {
      return { problem: "damaged" };
    }
  }
  if (!data || typeof data !== "object" || data.version !== CHECKIN_VERSION) {
    return { problem: "damaged" };
  }
  const born = dayNumber(data.birthDate);
  const saved = dayNumber(data.savedOn);
  const now = dayNumber(today);
  if (born === null || saved === null || now === null) return { problem: "damaged" };
  if (!BIRTHS.includes(data.birth) || !CLEARED.includes(data.cleared)) {
    return { problem: "damaged" };
  }
  const flags = ["emergency", "urgent", "spokeToProfessional"];
  if (!flags.every((name) => typeof data[name] === "boolean")) return { problem: "damaged" };
  if (born > now || saved > now || saved < born) return { problem: "future-birth" };
  if (now - born > MAX_DAYS_SINCE_BIRTH) return { problem: "birth-too-long-ago" };
  const checkin = {
    version: CHECKIN_VERSION,
    birthDate: data.birthDate,
    birth: data.birth,
    cleared: data.cleared,
    emergency: data.emergency,
    urgent: data.urgent,
    spokeToProfessional: data.spokeToProfessional,
    savedOn: data.savedOn,
  };
  return { checkin };
}

// Her answers to the check-in's questions ({birthDate, birth, cleared, emergency, urgent,
// spokeToProfessional}) as the record kept on her phone, saved today: {checkin} or
// {problem}, exactly as readCheckin would read it back.
export function newCheckin(answers, today) {
  const fields = ["birthDate", "birth", "cleared", "emergency", "urgent", "spokeToProfessional"];
  const record = { version: CHECKIN_VERSION };
  for (const name of fields) record[name] = answers?.[name];
  record.savedOn = today;
  return readCheckin(record, today);
}

// What her warning signs need before anything else: EMERGENCY (only the emergency card),
// URGENT (the urgent card until she has spoken to a professional), or null.
export function careNeeded(checkin) {
  if (checkin.emergency) return EMERGENCY;
  if (checkin.urgent && !checkin.spokeToProfessional) return URGENT;
  return null;
}

// The verdict for one exercise or routine: {verdict, reasons: [{code, week?}]}.
// `checkin` is what readCheckin returned as `checkin` (or null for none).
export function assess(rawRules, checkin, today) {
  if (!checkin) return { verdict: NO_CHECKIN, reasons: [] };
  const care = careNeeded(checkin);
  if (care) return { verdict: care, reasons: [] };
  const rules = readRules(rawRules);
  const cleared = checkin.cleared === "yes";
  const reasons = [];
  const weeks = weeksSince(checkin.birthDate, today);
  if (weeks < rules.earliestWeek) reasons.push({ code: TOO_EARLY, week: rules.earliestWeek });
  if (!cleared) {
    if (rules.afterCaesarean && checkin.birth === "caesarean") reasons.push({ code: CAESAREAN });
    else if (rules.afterAssisted && checkin.birth === "assisted") reasons.push({ code: ASSISTED });
    else if (rules.everyone) reasons.push({ code: EVERYONE });
  }
  return { verdict: reasons.length ? NOT_YET : SUITABLE, reasons };
}

// Whether to ask her again: the answers are older than CHECKIN_MAX_AGE_DAYS, or her weeks
// since birth have reached a rule's earliest week since she answered.
export function needsNewCheckin(checkin, today, earliestWeeks = []) {
  if (!checkin) return true;
  if (dayNumber(today) - dayNumber(checkin.savedOn) > CHECKIN_MAX_AGE_DAYS) return true;
  const then = weeksSince(checkin.birthDate, checkin.savedOn);
  const now = weeksSince(checkin.birthDate, today);
  return earliestWeeks.some((week) => then < week && week <= now);
}
