// Draws records into My progress and the summary. SVG by class only (strict CSP).
import { language, t } from "./i18n.js";
import { chartGeometry, outcome, skipped } from "./progress-core.js";

const SVG = "http://www.w3.org/2000/svg";

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const svg = (tag, attrs) => {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
};

export const part = (root, name) => root.querySelector(`[data-el="${name}"]`);

export function say(region, name, text) {
  let shown = null;
  for (const p of region.querySelectorAll("[data-message]")) {
    p.hidden = p.dataset.message !== name;
    if (!p.hidden) shown = p;
  }
  if (shown && text !== undefined) shown.textContent = text;
  return shown;
}

const format = (options) => new Intl.DateTimeFormat(language() || undefined, options);
export const longDay = (day) =>
  format({ weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
export const shortDay = (day) =>
  format({ day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
const when = (ms) => format({ day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }).format(ms);

export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  return s < 60 ? t("duration.seconds", { s }) : t("duration.minutes", { m: Math.round(s / 60) });
}

const OUTCOME = {
  complete: () => t("progress.complete"),
  early: () => t("progress.early"),
  pain: () => t("progress.pain"),
};

export function sessionText(s) {
  const parts = [s.title || s.slug || "", duration(s.actualSeconds), OUTCOME[outcome(s)]()];
  const names = skipped(s);
  if (names.length) parts.push(t("progress.skipped", { names: names.join(", ") }));
  if (Number.isInteger(s.painBefore)) parts.push(t("progress.pain_before", { score: s.painBefore }));
  if (Number.isInteger(s.painAfter)) parts.push(t("progress.pain_after", { score: s.painAfter }));
  return parts.join(" · ");
}

const PLACES = {
  back: () => t("progress.place_back"),
  buttock: () => t("progress.place_buttock"),
  "left-leg": () => t("progress.place_left_leg"),
  "right-leg": () => t("progress.place_right_leg"),
};

export function noteText(n) {
  const parts = [t("progress.note")];
  if (n.pain !== null) parts.push(t("progress.note_pain", { score: n.pain }));
  if (n.where.length) parts.push(n.where.map((place) => PLACES[place]()).join(", "));
  if (n.numbness !== null) parts.push(n.numbness ? t("progress.numbness") : t("progress.no_numbness"));
  if (n.text.trim()) parts.push(n.text.trim());
  return parts.join(" · ");
}

export const range = (from, to) => t("progress.range", { from: shortDay(from), to: shortDay(to) });

const cell = (tag, text) => el(tag, "", text === null || text === undefined ? t("progress.not_given") : String(text));

export function renderWeeks(tbody, weeks) {
  tbody.replaceChildren(
    ...weeks.map((w) => {
      const row = el("tr");
      const head = cell("th", range(w.from, w.to));
      head.scope = "row";
      row.append(head, cell("td", w.sessions), cell("td", w.minutes), cell("td", w.painBefore), cell("td", w.painAfter));
      return row;
    }),
  );
}

export function renderChart(root, points, from, to) {
  const chart = part(root, "chart");
  const start = Date.parse(`${from}T00:00:00`);
  const g = chartGeometry(points, start, Date.parse(`${to}T23:59:59`));
  const shapes = g.grid.map(({ value, y }) => [
    svg("line", { class: "chart__grid", x1: g.left, x2: g.right, y1: y, y2: y }),
    Object.assign(svg("text", { class: "chart__label", x: g.left - 6, y: y + 4, "text-anchor": "end" }), { textContent: value }),
  ]);
  for (const name of ["before", "after"]) {
    const series = g[name];
    if (series.dots.length > 1) shapes.push(svg("polyline", { class: `chart__line chart__line--${name}`, points: series.line }));
    shapes.push(series.dots.map((d) => svg("circle", { class: `chart__dot chart__dot--${name}`, cx: d.x, cy: d.y, r: 4 })));
  }
  chart.replaceChildren(...shapes.flat(2));
  part(root, "no-pain").hidden = points.length > 0;
  part(root, "pain-rows").replaceChildren(
    ...points.map((p) => {
      const row = el("tr");
      row.append(cell("td", when(p.at)), cell("td", p.title), cell("td", p.before), cell("td", p.after));
      return row;
    }),
  );
}

export function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
