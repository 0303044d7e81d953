"""Snippets and steps several browser tests share."""

import json

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


# Her records written into the phone's database of an origin that has none yet: as the app
# keeps them (static/js/sessions.js, version 2: stores "sessions" and "notes", every record
# with a uid), or as the timer's first release kept them (version 1: "sessions" only, records
# without a uid).
WRITE_RECORDS = """({ version, sessions, notes = [] }) => new Promise((resolve, reject) => {
  const open = indexedDB.open("sciatica", version);
  open.onupgradeneeded = () => {
    const db = open.result;
    const store = db.createObjectStore("sessions", { keyPath: "id", autoIncrement: true });
    store.createIndex("startedAt", "startedAt");
    if (version >= 2) {
      store.createIndex("uid", "uid", { unique: true });
      db.createObjectStore("notes", { keyPath: "uid" }).createIndex("day", "day");
    }
  };
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(version >= 2 ? ["sessions", "notes"] : ["sessions"], "readwrite");
    for (const row of sessions) tx.objectStore("sessions").add(row);
    for (const row of notes) tx.objectStore("notes").add(row);
    tx.oncomplete = () => { db.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
})"""


def open_site(server, page, when):
    """The home page at a fixed time (Playwright's clock); `page.url_for(path)` for the rest."""
    page.clock.set_fixed_time(when)
    page.goto(server.url + "/")
    page.url_for = lambda path: server.url + path
    return page


def store_checkin(page, answers: dict):
    """Her check-in answers, saved on this phone as the check-in page saves them."""
    page.evaluate("(raw) => localStorage.setItem('checkin', raw)", json.dumps(answers))


def answer_sure(page, name="sure-yes"):
    """Restart and Finish ask first; the answer comes a moment later (a real second tap)."""
    page.clock.run_for(500)
    page.locator(f'#timer [data-el="{name}"]').click()


def finish_now(page):
    """Finish, then "Yes, finish": the session ends 0.5 s after the first tap."""
    page.locator('#timer [data-el="finish"]').click()
    answer_sure(page)


# Shows every app bar as the scripts do: a (synthetic) `beforeinstallprompt` makes app.js show
# "Install app"; the others are unhidden as sw-register.js and app.js unhide them (the update
# offer, the offline, saved-copy and resaving notices).
SHOW_APP_BARS = """() => {
  const prompt = new Event("beforeinstallprompt", { cancelable: true });
  prompt.prompt = () => undefined;
  prompt.userChoice = Promise.resolve({ outcome: "dismissed" });
  window.dispatchEvent(prompt);
  for (const id of ["update-bar", "offline-bar", "saved-copy-bar", "resaving-bar"]) {
    document.getElementById(id).hidden = false;
  }
  return !document.getElementById("install-bar").hidden;
}"""
