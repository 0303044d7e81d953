// The summary for her physiotherapist: the last 4 weeks from this phone's IndexedDB, to
// print, save as PDF or show. Nothing is uploaded.
import { localDate } from "./suitability-core.js";
import { tn } from "./i18n.js";
import { summary } from "./progress-core.js";
import { el, noteText, part, range, renderChart, renderWeeks, sessionText, shortDay } from "./progress-view.js";
import { listAll } from "./records.js";

const root = document.getElementById("summary");

async function draw() {
  let records = { sessions: [], notes: [] };
  try {
    records = await listAll();
  } catch {
    // nothing readable: an empty summary
  }
  const s = summary(records.sessions, records.notes, localDate(new Date()));
  part(root, "range").textContent = range(s.from, s.to);
  part(root, "totals").textContent = tn("summary.totals", s.sessions, { minutes: s.minutes, complete: s.complete });
  renderWeeks(part(root, "weeks"), s.weeks);
  renderChart(root, s.points, s.from, s.to);
  const line = (text) => el("li", "", text);
  part(root, "stopped").replaceChildren(...s.notComplete.map((x) => line(`${shortDay(localDate(new Date(x.startedAt)))}: ${sessionText(x)}`)));
  part(root, "none-stopped").hidden = s.notComplete.length > 0;
  part(root, "notes").replaceChildren(...s.notes.map((n) => line(`${shortDay(n.day)}: ${noteText(n)}`)));
  part(root, "no-notes").hidden = s.notes.length > 0;
  root.dataset.state = "ready";
}

root.querySelector('[data-action="print"]').addEventListener("click", () => window.print());
part(root, "nojs").hidden = true;
draw();
