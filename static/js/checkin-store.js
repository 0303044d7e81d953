// Her check-in on this phone: localStorage only, never sent anywhere. The record's format
// and its checks are suitability-core.js's (readCheckin, newCheckin); this module only
// reads, writes and erases it, and knows today's date on the phone.
import { localDate, needsNewCheckin, readCheckin } from "./suitability-core.js";

export const STORAGE_KEY = "checkin";
// What she confirmed per exercise or routine, "My physiotherapist or doctor has cleared me
// for this" (start-guard.js): part of her check-in, so forgotten with it.
export const CLEARED_KEY = "cleared-for";

// Today on her phone, "YYYY-MM-DD" (her time zone).
export function today() {
  return localDate(new Date());
}

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage switched off: as if nothing were saved
  }
}

// {checkin} or {problem} ("missing", "damaged", "future-birth", "birth-too-long-ago").
export function loadCheckin(day = today()) {
  let raw = null;
  try {
    raw = storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    raw = null;
  }
  return readCheckin(raw, day);
}

// Saves a record made by newCheckin. Returns false when the phone would not keep it.
export function saveCheckin(checkin) {
  try {
    storage().setItem(STORAGE_KEY, JSON.stringify(checkin));
    return true;
  } catch {
    return false;
  }
}

// Forgets everything the check-in kept: her answers and what she confirmed on exercise and
// routine pages.
export function forgetCheckin() {
  for (const key of [STORAGE_KEY, CLEARED_KEY]) {
    try {
      storage()?.removeItem(key);
    } catch {
      // nothing kept, nothing to forget
    }
  }
}

function readJson(doc, id) {
  try {
    return JSON.parse(doc.getElementById(id).textContent);
  } catch {
    return null;
  }
}

// The weeks after birth at which some exercise's rules change, as the page gives them: the
// list of every exercise's earliest week (a JSON data block "checkin-weeks", on the home and
// check-in pages) and the earliest week of the exercise or routine on the page ("rules").
export function ruleWeeks(doc = globalThis.document) {
  const listed = readJson(doc, "checkin-weeks");
  const weeks = Array.isArray(listed) ? [...listed] : [];
  const rules = readJson(doc, "rules");
  if (rules && typeof rules === "object") weeks.push(rules.earliest_week);
  return weeks.filter((week) => Number.isInteger(week) && week > 0);
}

// Where she stands: "none" (never checked in, or the saved answers were unusable),
// "stale" (asked again: too old, or her weeks since birth crossed a rule) or "done".
export function checkinStatus(day = today(), weeks = ruleWeeks()) {
  const { checkin, problem } = loadCheckin(day);
  if (!checkin) return { status: "none", problem, checkin: null };
  return { status: needsNewCheckin(checkin, day, weeks) ? "stale" : "done", checkin };
}
