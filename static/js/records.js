// Her records on this phone, all together: sessions (sessions.js) and diary notes, read,
// imported and deleted. IndexedDB only: nothing here is ever sent to the server.
import { NOTES, clean, done, withStores } from "./sessions.js";
import { cleanNote, toAdd } from "./records-core.js";

// {sessions, notes}, each oldest first.
export function listAll() {
  return withStores(["sessions", NOTES], "readonly", async (sessions, notes) => ({
    sessions: await done(sessions.index("startedAt").getAll()),
    notes: await done(notes.index("day").getAll()),
  }));
}

// Stores a diary note (cleanNote's shape); resolves to it.
export function saveNote(note) {
  const row = cleanNote(note);
  if (!row) return Promise.reject(new Error("Not a note"));
  return withStores([NOTES], "readwrite", async (notes) => {
    await done(notes.put(row));
    return row;
  });
}

export function deleteNote(uid) {
  return withStores([NOTES], "readwrite", (notes) => done(notes.delete(uid)));
}

// Adds the records of an export (readExport's {sessions, notes}) that this phone does not
// have, in one transaction: all of them or, on any failure, none. Resolves to the counts.
export function importRecords({ sessions, notes }) {
  return withStores(["sessions", NOTES], "readwrite", async (sessionStore, noteStore) => {
    const known = (await done(sessionStore.getAll())).map((session) => session.uid);
    const newSessions = toAdd(sessions, known);
    const newNotes = toAdd(notes, await done(noteStore.getAllKeys()));
    for (const session of newSessions) sessionStore.add({ ...clean(session), uid: session.uid });
    for (const note of newNotes) noteStore.add(note);
    return { sessions: newSessions.length, notes: newNotes.length };
  });
}

// Everything the app keeps on this phone: every store of the database (sessions, notes,
// whatever else a feature keeps there) and the check-in and settings in localStorage.
export async function deleteEverything() {
  await withStores([], "readwrite", (...stores) => Promise.all(stores.map((s) => done(s.clear()))));
  try {
    localStorage.clear();
  } catch {
    // nothing kept there
  }
}

// Asks the browser to keep her records when space runs low; true when it will.
export async function keepRecords() {
  try {
    return (await navigator.storage?.persist?.()) === true;
  } catch {
    return false;
  }
}
