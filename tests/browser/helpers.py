"""Snippets several browser tests run in the page."""

# Every session record the timer saved on the phone (IndexedDB "sciatica", store "sessions").
READ_SESSIONS = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("sciatica");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const read = db.transaction("sessions").objectStore("sessions").getAll();
    read.onsuccess = () => { db.close(); resolve(read.result); };
    read.onerror = () => reject(read.error);
  };
})"""
