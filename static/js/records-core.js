// Her records as files (JSON, CSV) and the diary note's shape. Records match by `uid`.
// Pure; tests/js/records-core.test.mjs.
import { score } from "./pain-core.js";

export const APP = "postpartum-sciatica";
export const FORMAT = 1;
export const PLACES = ["back", "buttock", "left-leg", "right-leg"];
export const MAX_TEXT = 2000;
const UID = /^[-\w]{8,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isUid = (value) => typeof value === "string" && UID.test(value);
const isDay = (value) => typeof value === "string" && DAY.test(value) && !isNaN(Date.parse(value));
const isTime = (value) => typeof value === "string" && !isNaN(Date.parse(value));

// A note: {uid, day, savedAt, pain 0-10|null, where (PLACES), numbness bool|null, text}.
export function cleanNote(note) {
  if (!note || typeof note !== "object" || !isUid(note.uid) || !isDay(note.day)) return null;
  const where = Array.isArray(note.where) ? note.where : [];
  return {
    uid: note.uid,
    day: note.day,
    savedAt: isTime(note.savedAt) ? note.savedAt : `${note.day}T12:00:00.000Z`,
    pain: score(note.pain),
    where: PLACES.filter((place) => where.includes(place)),
    numbness: typeof note.numbness === "boolean" ? note.numbness : null,
    text: typeof note.text === "string" ? note.text.slice(0, MAX_TEXT) : "",
  };
}

export const isEmptyNote = (note) =>
  note.pain === null && !note.where.length && note.numbness === null && !note.text.trim();

// Every field of each session but its local key `id`.
export function exportDocument(sessions, notes, now = new Date()) {
  return {
    app: APP,
    format: FORMAT,
    exportedAt: now.toISOString(),
    sessions: sessions.map(({ id, ...session }) => session),
    notes,
  };
}

export function fileName(day, extension) {
  return `sciatica-record-${day}.${extension}`;
}

// {sessions, notes}, or {problem}: "wrong", "newer" or "damaged" (one bad record is enough).
export function readExport(text, cleanSession) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: looksLikeOurs(text) ? "damaged" : "wrong" };
  }
  if (!data || typeof data !== "object" || data.app !== APP) return { problem: "wrong" };
  if (typeof data.format === "number" && data.format > FORMAT) return { problem: "newer" };
  if (data.format !== FORMAT || !Array.isArray(data.sessions) || !Array.isArray(data.notes)) {
    return { problem: "damaged" };
  }
  const sessions = [];
  for (const raw of data.sessions) {
    if (!raw || typeof raw !== "object" || !isUid(raw.uid) || !isTime(raw.startedAt)) {
      return { problem: "damaged" };
    }
    sessions.push({ ...cleanSession(raw), uid: raw.uid });
  }
  const notes = data.notes.map(cleanNote);
  if (notes.includes(null)) return { problem: "damaged" };
  return { sessions, notes };
}

const looksLikeOurs = (text) => typeof text === "string" && text.includes(`"${APP}"`);

// The records whose uid is not known yet, each once.
export function toAdd(records, knownUids) {
  const seen = new Set(knownUids);
  return records.filter((record) => !seen.has(record.uid) && seen.add(record.uid));
}

// CSV: a row per session or note, oldest first; no cell a spreadsheet would run as a formula.
export const CSV_COLUMNS = [
  "record", "date", "time", "what", "minutes", "complete", "stopped_for", "skipped",
  "pain_before", "pain_after", "pain", "where", "numbness", "note", "uid",
];

function cell(value) {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const yesNo = (value) => (value === true ? "yes" : value === false ? "no" : "");

export function toCsv(sessions, notes, local) {
  const rows = [];
  for (const s of sessions) {
    const [date, time] = local(s.startedAt);
    const skipped = [...list(s.skippedExercises), ...list(s.skippedSteps)].join(" ");
    rows.push([s.startedAt, [
      "session", date, time, s.title || s.slug, minutes(s.actualSeconds), yesNo(s.completed),
      s.stoppedFor, skipped, s.painBefore, s.painAfter, "", "", "", "", s.uid,
    ]]);
  }
  for (const n of notes) {
    rows.push([n.savedAt, [
      "note", n.day, "", "", "", "", "", "", "", "", n.pain, n.where.join(" "),
      yesNo(n.numbness), n.text, n.uid,
    ]]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [CSV_COLUMNS, ...rows.map(([, row]) => row)].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

export const list = (value) =>
  Array.isArray(value) ? value.filter((item) => typeof item === "string" || typeof item === "number") : [];
export const minutes = (seconds) =>
  Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds / 6) / 10 : 0;
