// What she sees everywhere: each exercise or routine that is not yet right for her is
// marked "Not yet for you", with the reason in words; nothing is hidden, she can still
// read it. The judging is suitability-core.js's (assess); this module only reads the
// rules the server put in the page (a data-rules attribute on each card, and the page's
// own "rules" JSON block), her check-in on this phone, and writes the marks.
//
// No check-in: nothing is marked (the check-in link invites her). A warning sign in her
// answers: every exercise says to get help first, with the way to the help page.
import { loadCheckin, today } from "./checkin-store.js";
import { t, tn } from "./i18n.js";
import {
  ASSISTED,
  CAESAREAN,
  EMERGENCY,
  EVERYONE,
  NOT_YET,
  TOO_EARLY,
  URGENT,
  assess,
} from "./suitability-core.js";

const MARK = "data-suitability-note";

export function reasonText(reason) {
  switch (reason.code) {
    case TOO_EARLY:
      return tn("suitability.too_early", reason.week, { weeks: reason.week });
    case CAESAREAN:
      return t("suitability.caesarean");
    case ASSISTED:
      return t("suitability.assisted");
    case EVERYONE:
    default:
      return t("suitability.everyone");
  }
}

function element(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(doc, href, text) {
  const a = element(doc, "a", "suit-note__link", text);
  a.href = href;
  return a;
}

// The note for one verdict, or null when there is nothing to say (suitable, no check-in).
export function note(doc, result, helpUrl) {
  const { verdict, reasons } = result;
  if (verdict !== NOT_YET && verdict !== EMERGENCY && verdict !== URGENT) return null;
  const box = element(doc, "div", `suit-note suit-note--${verdict}`);
  box.setAttribute(MARK, verdict);
  if (verdict === NOT_YET) {
    box.append(element(doc, "strong", "suit-note__badge", t("suitability.not_yet")));
    const list = element(doc, "ul", "suit-note__reasons");
    for (const reason of reasons) list.append(element(doc, "li", "", reasonText(reason)));
    box.append(list);
    return box;
  }
  const emergency = verdict === EMERGENCY;
  box.append(
    element(
      doc,
      "strong",
      "suit-note__badge",
      emergency ? t("suitability.help_first") : t("suitability.speak_first"),
    ),
    element(
      doc,
      "p",
      "suit-note__text",
      emergency ? t("suitability.emergency") : t("suitability.urgent"),
    ),
  );
  const links = element(doc, "p", "suit-note__links");
  if (helpUrl) links.append(link(doc, helpUrl, t("suitability.help_link")), " ");
  links.append(link(doc, "/check-in/", t("suitability.checkin_link")));
  box.append(links);
  return box;
}

function readRulesBlock(doc) {
  const block = doc.getElementById("rules");
  if (!block) return undefined;
  try {
    return JSON.parse(block.textContent);
  } catch {
    return null; // unreadable rules: assess treats them as "needs clearance"
  }
}

function readAttribute(card) {
  try {
    return JSON.parse(card.getAttribute("data-rules"));
  } catch {
    return null;
  }
}

function place(target, box, where) {
  target.querySelector(`:scope > [${MARK}]`)?.remove();
  if (!box) return;
  const anchor = where && target.querySelector(where);
  if (anchor) anchor.after(box);
  else target.append(box);
}

// Marks the page: each [data-rules] card, and the page's own header from the "rules" block.
// Returns the page's own verdict ({verdict, reasons}) or null when the page has no rules.
export function markPage(
  doc = globalThis.document,
  checkin = loadCheckin().checkin ?? null,
  day = today(),
) {
  const helpUrl = doc.querySelector(".nav-help")?.getAttribute("href") ?? "";
  for (const card of doc.querySelectorAll("[data-rules]")) {
    const result = assess(readAttribute(card), checkin, day);
    card.dataset.suitability = result.verdict;
    place(card, note(doc, result, helpUrl), ".card__title, .routine-item__name");
  }
  const rules = readRulesBlock(doc);
  if (rules === undefined) return null;
  const result = assess(rules, checkin, day);
  const header = doc.querySelector("main article > header");
  if (header) {
    header.dataset.suitability = result.verdict;
    place(header, note(doc, result, helpUrl));
  }
  return result;
}

if (globalThis.document) markPage();
