// "My progress": her sessions and notes from this phone's IndexedDB, the last 4 weeks, and
// her records to export, bring in or delete. Nothing is sent: files are made on the phone.
import { localDate } from "./suitability-core.js";
import { tn } from "./i18n.js";
import { byDay, summary } from "./progress-core.js";
import {
  download, el, longDay, noteText, part, renderChart, renderWeeks, say, sessionText,
} from "./progress-view.js";
import { exportDocument, fileName, readExport, toCsv } from "./records-core.js";
import { deleteEverything, importRecords, keepRecords, listAll } from "./records.js";
import { clean } from "./sessions.js";

const root = document.getElementById("progress");
const today = () => localDate(new Date());
let records = { sessions: [], notes: [] };

function draw() {
  const { sessions, notes } = records;
  const empty = !sessions.length && !notes.length;
  part(root, "empty").hidden = !empty;
  part(root, "glance").hidden = empty;
  part(root, "days").hidden = empty;
  if (empty) return;
  const glance = summary(sessions, notes, today());
  renderWeeks(part(root, "weeks"), glance.weeks);
  renderChart(root, glance.points, glance.from, glance.to);
  part(root, "day-list").replaceChildren(
    ...byDay(sessions, notes).map(({ day: date, sessions: done, notes: written }) => {
      const section = el("section", "day");
      const list = el("ul", "day__list");
      list.append(...done.map((s) => el("li", "day__session", sessionText(s))));
      list.append(...written.map((n) => el("li", "day__note", noteText(n))));
      section.append(el("h3", "", longDay(date)), list);
      return section;
    }),
  );
}

async function load() {
  try {
    records = await listAll();
  } catch {
    part(root, "unavailable").hidden = false;
  }
  draw();
  await persisted;
  root.dataset.state = "ready";
}

const local = (iso) => {
  const date = new Date(iso);
  const time = `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
  return [localDate(date), time];
};

async function exportAs(kind) {
  const { sessions, notes } = await listAll();
  if (kind === "csv") download(toCsv(sessions, notes, local), "text/csv;charset=utf-8", fileName(today(), "csv"));
  else download(JSON.stringify(exportDocument(sessions, notes), null, 1), "application/json", fileName(today(), "json"));
}

async function importFile(input) {
  const status = part(root, "import-status");
  const file = input.files[0];
  if (!file) return;
  const read = readExport(await file.text(), clean);
  input.value = "";
  if (read.problem) return say(status, read.problem);
  try {
    const added = await importRecords(read);
    const count = added.sessions + added.notes;
    if (count) say(status, "added", tn("records.added", count));
    else say(status, "nothing-new");
    keepRecords();
    await load();
  } catch {
    say(status, "failed");
  }
}

const confirmBox = part(root, "confirm");
root.addEventListener("click", async (event) => {
  const action = event.target.closest("[data-action]")?.dataset.action;
  if (action === "csv" || action === "json") exportAs(action);
  if (action === "delete") {
    confirmBox.hidden = false;
    confirmBox.querySelector("h3").focus();
  }
  if (action === "cancel-delete") {
    confirmBox.hidden = true;
    root.querySelector('[data-action="delete"]').focus();
  }
  if (action === "confirm-delete") {
    await deleteEverything();
    confirmBox.hidden = true;
    const done = part(root, "deleted");
    done.hidden = false;
    done.focus();
    await load();
  }
});
part(root, "import").addEventListener("change", (event) => importFile(event.target));

part(root, "nojs").hidden = true;
// Known before the records are shown (the page shows them all at once: nothing moves).
const persisted = navigator.storage?.persisted?.().then((kept) => {
  part(root, "persisted").hidden = !kept;
}, () => {});
load();
