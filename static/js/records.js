// Her sessions and notes in IndexedDB: read, brought in, deleted. Never sent anywhere.
import { NOTES, clean, done, withStores } from "./sessions.js";
import { cleanNote, toAdd } from "./records-core.js";

export function listAll() {
  return withStores(["sessions", NOTES], "readonly", async (sessions, notes) => ({
    sessions: await done(sessions.index("startedAt").getAll()),
    notes: await done(notes.index("day").getAll()),
  }));
}

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

// Adds the records this phone lacks, in one transaction (all or none); resolves to counts.
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

// Every store of the database, and localStorage (check-in, settings).
export async function deleteEverything() {
  await withStores([], "readwrite", (...stores) => Promise.all(stores.map((s) => done(s.clear()))));
  try {
    localStorage.clear();
  } catch {
    // nothing kept there
  }
}

export async function keepRecords() {
  try {
    return (await navigator.storage?.persist?.()) === true;
  } catch {
    return false;
  }
}
