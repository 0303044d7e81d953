// Her records as files (static/js/records-core.js): notes, ids, the exports and reading an
// export back. Storing them in IndexedDB needs a browser: tests/browser/test_progress.py.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  APP, CSV_COLUMNS, cleanNote, exportDocument, fileName, isEmptyNote, isUid,
  readExport, toAdd, toCsv,
} from "../../static/js/records-core.js";
import { clean, newUid } from "../../static/js/sessions.js";
import { SESSION } from "./records.fixtures.mjs";

const NOTE = {
  uid: "5f0b8f0e-1111-4222-8333-444455556666",
  day: "2026-03-02",
  savedAt: "2026-03-02T20:00:00.000Z",
  pain: 6,
  where: ["left-leg", "back"],
  numbness: true,
  text: "Worse after the school run, =SUM(A1)",
};

test("ids are random, unique and look like UUIDs, with or without randomUUID", () => {
  const ids = new Set(Array.from({ length: 50 }, () => newUid()));
  assert.equal(ids.size, 50);
  const fallback = newUid({ getRandomValues: (bytes) => bytes.fill(171) });
  assert.match(fallback, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(isUid(fallback));
  for (const bad of ["", "short", 7, null, "has space in it ok", "x".repeat(65)]) assert.ok(!isUid(bad));
});

test("a note keeps only what it may hold, in a fixed order", () => {
  assert.deepEqual(cleanNote({ ...NOTE, junk: 1, where: ["left-leg", "neck", "back"] }), {
    ...NOTE,
    where: ["back", "left-leg"],
  });
  const odd = cleanNote({ uid: NOTE.uid, day: "2026-03-02", pain: 14, numbness: "yes", text: 3 });
  assert.deepEqual(odd, {
    uid: NOTE.uid, day: "2026-03-02", savedAt: "2026-03-02T12:00:00.000Z", pain: null,
    where: [], numbness: null, text: "",
  });
  assert.ok(isEmptyNote(odd));
  assert.ok(!isEmptyNote(cleanNote(NOTE)));
  assert.equal(cleanNote({ ...NOTE, day: "yesterday" }), null);
  assert.equal(cleanNote({ ...NOTE, uid: "x" }), null);
  assert.equal(cleanNote({ ...NOTE, text: "a".repeat(5000) }).text.length, 2000);
});

test("the JSON export reads back as the same records", () => {
  const doc = exportDocument([{ ...SESSION, id: 4 }], [NOTE], new Date("2026-03-03T08:00:00Z"));
  assert.equal(doc.app, APP);
  assert.equal(doc.format, 1);
  assert.equal(doc.exportedAt, "2026-03-03T08:00:00.000Z");
  assert.ok(!("id" in doc.sessions[0]));
  const back = readExport(JSON.stringify(doc), clean);
  assert.deepEqual(back, { sessions: [SESSION], notes: [{ ...NOTE, where: ["back", "left-leg"] }] });
  assert.equal(fileName("2026-03-03", "json"), "sciatica-record-2026-03-03.json");
});

test("a wrong, newer or damaged file is refused whole", () => {
  const good = exportDocument([SESSION], [NOTE]);
  const cases = [
    ["", "wrong"],
    ["hello", "wrong"],
    ["[1, 2]", "wrong"],
    [JSON.stringify({ app: "other", sessions: [] }), "wrong"],
    [JSON.stringify({ ...good, format: 2 }), "newer"],
    [JSON.stringify(good).slice(0, 80), "damaged"],
    [JSON.stringify({ ...good, sessions: "all" }), "damaged"],
    [JSON.stringify({ ...good, format: "1" }), "damaged"],
    [JSON.stringify({ ...good, sessions: [SESSION, { ...SESSION, uid: "" }] }), "damaged"],
    [JSON.stringify({ ...good, sessions: [{ ...SESSION, startedAt: "soon" }] }), "damaged"],
    [JSON.stringify({ ...good, notes: [NOTE, null] }), "damaged"],
  ];
  for (const [text, problem] of cases) assert.deepEqual(readExport(text, clean), { problem }, text);
});

test("an import adds only the records this phone does not have, each once", () => {
  const a = { uid: "aaaaaaaa-1" };
  const b = { uid: "bbbbbbbb-2" };
  assert.deepEqual(toAdd([a, b, b], ["aaaaaaaa-1"]), [b]);
  assert.deepEqual(toAdd([a, b], []), [a, b]);
  assert.deepEqual(toAdd([a], [a.uid]), []);
});

test("the CSV has a row per session and note, oldest first, safe in a spreadsheet", () => {
  const local = (iso) => [iso.slice(0, 10), iso.slice(11, 16)];
  const stopped = {
    ...SESSION, uid: "cccccccc-3", startedAt: "2026-03-04T10:00:00.000Z", completed: false,
    stoppedFor: "pain", actualSeconds: 90, painAfter: null, skippedExercises: ["bridge"],
    title: 'Gentle, "easy" stretch',
  };
  const csv = toCsv([stopped, SESSION], [cleanNote(NOTE)], local);
  const lines = csv.split("\r\n");
  assert.equal(lines.at(-1), "");
  assert.equal(lines[0], CSV_COLUMNS.join(","));
  assert.equal(lines[1], `session,2026-03-01,09:00,Hamstring stretch,3.9,yes,,,3,2,,,,,${SESSION.uid}`);
  assert.equal(lines[2], `note,2026-03-02,,,,,,,,,6,back left-leg,yes,"Worse after the school run, =SUM(A1)",${NOTE.uid}`);
  assert.equal(lines[3], `session,2026-03-04,10:00,"Gentle, ""easy"" stretch",1.5,no,pain,bridge,3,,,,,,cccccccc-3`);
  const formula = toCsv([], [{ ...NOTE, text: "=HYPERLINK(1)" }], local).split("\r\n")[1];
  assert.ok(formula.includes(",'=HYPERLINK(1),"), formula);
  assert.ok(toCsv([], [{ ...NOTE, text: "-5" }], local).includes(",-5,"));
});
