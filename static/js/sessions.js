// The reader's own record of sessions done, kept on her device in IndexedDB.
// Nothing here is ever sent to the server.
//
// A record: startedAt, endedAt (ISO), kind ("exercise" or "routine"), slug, title,
// plannedSeconds, actualSeconds, completed (played to the end), painBefore, painAfter
// (0-10 or null), stoppedFor ("pain" when she pressed "Stop, it hurts", "left" when she left
// the page mid-session, else null), skippedExercises (the slugs of the exercises she skipped
// in a routine, in order), skippedSteps (each step skipped: {step, kind, side, exercise}),
// sides (the sides played, in order: ["right", "left"], ["right"] or []) and uid (the
// session's own id, the same through a reload: recording it again replaces it).
//
// Every record also has `uid`, a random id given when it is written (records kept before
// there were ids get one when the database is upgraded): exports and imports match records
// by it (static/js/records-core.js, records.js).
//
// Database "sciatica", schema version 2 (SCHEMA): store "sessions" (keyPath "id",
// autoIncrement, indexes "startedAt" and "uid" (unique)) and store "notes" (her symptom
// diary, keyPath "uid", index "day"). Version 1 had "sessions" without "uid": upgrading
// gives each of its records a uid and changes nothing else. Other features may keep their
// own stores in the same database: opening never assumes a version number; when a store or
// index is missing, it is added by opening one version up (at least SCHEMA).

import { score } from "./pain-core.js";

const DB_NAME = "sciatica";
const STORE = "sessions";
export const NOTES = "notes";
export const SCHEMA = 2;
const FIELDS = [
  "startedAt",
  "endedAt",
  "kind",
  "slug",
  "title",
  "plannedSeconds",
  "actualSeconds",
  "completed",
  "painBefore",
  "painAfter",
  "stoppedFor",
  "skippedExercises",
  "skippedSteps",
  "sides",
  "uid",
];
const STOPPED_FOR = ["pain", "left"];
const KINDS = ["ready", "hold", "rest", "switch", "activity"];
const SIDES = ["left", "right"];
const SLUG = /^[-a-zA-Z0-9_]+$/;
const UID = /^[-a-z0-9]{1,64}$/;
const isSlug = (slug) => typeof slug === "string" && SLUG.test(slug);
const list = (value) => (Array.isArray(value) ? value : []);

// A random id (crypto.randomUUID where the page is a secure context, else 122 random bits).
export function newUid(crypto = globalThis.crypto) {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 15) | 64;
  bytes[8] = (bytes[8] & 63) | 128;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let opening = null;

const done = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

// The schema as SCHEMA describes it, made from whatever is there; records kept under
// version 1 get their uid. Run on every upgrade, so it never assumes where it starts from.
function upgrade(db, tx) {
  const sessions = db.objectStoreNames.contains(STORE)
    ? tx.objectStore(STORE)
    : db.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
  if (!sessions.indexNames.contains("startedAt")) sessions.createIndex("startedAt", "startedAt");
  if (!sessions.indexNames.contains("uid")) {
    sessions.openCursor().onsuccess = (event) => {
      const cursor = event.target.result;
      if (!cursor) return;
      if (!cursor.value.uid) cursor.update({ ...cursor.value, uid: newUid() });
      cursor.continue();
    };
    sessions.createIndex("uid", "uid", { unique: true });
  }
  if (!db.objectStoreNames.contains(NOTES)) {
    db.createObjectStore(NOTES, { keyPath: "uid" }).createIndex("day", "day");
  }
}

const current = (db) =>
  db.version >= SCHEMA &&
  db.objectStoreNames.contains(NOTES) &&
  db.objectStoreNames.contains(STORE) &&
  db.transaction(STORE).objectStore(STORE).indexNames.contains("uid");

function open(version) {
  const request = version ? indexedDB.open(DB_NAME, version) : indexedDB.open(DB_NAME);
  request.onupgradeneeded = () => upgrade(request.result, request.transaction);
  request.onblocked = () => {};
  return done(request);
}

async function connect() {
  if (!self.indexedDB) throw new Error("IndexedDB is not available");
  // SCHEMA first (one step for a new database); a feature may have gone higher already.
  let db = await open(SCHEMA).catch((error) => {
    if (error?.name === "VersionError") return open();
    throw error;
  });
  if (!current(db)) {
    const next = Math.max(db.version + 1, SCHEMA);
    db.close();
    db = await open(next);
  }
  // Let another tab (or feature) upgrade the database: close, and reopen next time.
  db.onversionchange = () => {
    db.close();
    opening = null;
  };
  return db;
}

function database() {
  if (!opening) {
    opening = connect();
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

// Runs `work(stores...)` in one transaction over `names` (every store of the database when
// empty); resolves to its result once the transaction has completed.
export async function withStores(names, mode, work) {
  const db = await database();
  const tx = db.transaction(names.length ? names : [...db.objectStoreNames], mode);
  const finished = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
  finished.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const stores = names.length ? names : [...tx.objectStoreNames];
  const result = await work(...stores.map((name) => tx.objectStore(name)));
  await finished;
  return result;
}

const withStore = (mode, work) => withStores([STORE], mode, work);

export { done };

// Only the known fields, pain scores 0-10 or null, a known reason to stop or null, a list of
// slugs: what is stored and what an update changes.
export function clean(record) {
  const out = {};
  for (const name of FIELDS) if (name in record) out[name] = record[name];
  if ("painBefore" in out) out.painBefore = score(out.painBefore);
  if ("painAfter" in out) out.painAfter = score(out.painAfter);
  if ("completed" in out) out.completed = Boolean(out.completed);
  if ("stoppedFor" in out && !STOPPED_FOR.includes(out.stoppedFor)) out.stoppedFor = null;
  if ("skippedExercises" in out) out.skippedExercises = list(out.skippedExercises).filter(isSlug);
  if ("skippedSteps" in out) {
    out.skippedSteps = list(out.skippedSteps)
      .filter((s) => s && Number.isInteger(s.step) && s.step >= 0 && KINDS.includes(s.kind))
      .map(({ step, kind, side, exercise }) => ({
        step,
        kind,
        side: SIDES.includes(side) ? side : null,
        exercise: isSlug(exercise) ? exercise : null,
      }));
  }
  if ("sides" in out) out.sides = list(out.sides).filter((side) => SIDES.includes(side));
  if ("uid" in out && !(typeof out.uid === "string" && UID.test(out.uid))) out.uid = null;
  return out;
}

// Stores a session and resolves to its id. A session with the uid of one already stored
// replaces it (a session recorded as she left the page, then carried on): never two.
export function recordSession(record) {
  const given = clean(record);
  const row = {
    painBefore: null,
    painAfter: null,
    completed: false,
    stoppedFor: null,
    skippedExercises: [],
    skippedSteps: [],
    sides: [],
    ...given,
    uid: given.uid || newUid(), // the timer's own, or a new one
  };
  return withStore("readwrite", async (store) => {
    const rows = row.uid ? await done(store.getAll()) : [];
    const same = rows.find((old) => old.uid === row.uid);
    return done(same ? store.put({ ...row, id: same.id }) : store.add(row));
  });
}

// Merges `changes` into the session `id`; resolves to the updated record.
export function updateSession(id, changes) {
  return withStore("readwrite", async (store) => {
    const row = await done(store.get(id));
    if (!row) throw new Error(`No session ${id}`);
    const updated = { ...row, ...clean(changes), id };
    await done(store.put(updated));
    return updated;
  });
}

// Every session, newest first.
export function listSessions() {
  return withStore("readonly", async (store) => {
    const rows = await done(store.index("startedAt").getAll());
    return rows.reverse();
  });
}
