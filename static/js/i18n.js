// The scripts' words, translated by Django. Every page carries them in a JSON data block
// (templates/_partials/_js_catalog.html, built by sciatica/js_catalog.py), so they need
// no inline script and are there offline in the page the service worker saved.
//
//   t("timer.rep", { rep: 2, reps: 3 })            "Rep 2 of 3"
//   tn("search.results_saved", 3, { query: "x" })  "3 results for “x” (saved on this phone)."
//
// Outside a page (Node's test runner) there is no catalogue: setCatalog() gives one. A word
// missing from the catalogue shows as its key followed by its values ("timer.rep 2 3"),
// never as an empty string.
const ELEMENT_ID = "js-catalog";
let catalog = null;

function current() {
  if (!catalog) {
    const element = globalThis.document?.getElementById?.(ELEMENT_ID);
    try {
      catalog = element ? JSON.parse(element.textContent) : {};
    } catch {
      catalog = {};
    }
  }
  return catalog;
}

// Replaces the catalogue (tests; a page never needs to).
export function setCatalog(next) {
  catalog = next;
}

function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

function missing(key, params) {
  return [key, ...Object.values(params)].join(" ");
}

export function t(key, params = {}) {
  const text = current().strings?.[key];
  return text === undefined ? missing(key, params) : fill(text, params);
}

// The plural form the language uses for `count` ({count} is filled in too). The table
// covers 0..199; gettext's rules depend on n, n % 10 and n % 100, so 100..199 stand for
// every larger number.
export function tn(key, count, params = {}) {
  const entry = current().plurals?.[key];
  const values = { count, ...params };
  if (!entry) return missing(key, values);
  const n = Math.abs(Math.trunc(count));
  const index = Number(entry.index[n < entry.index.length ? n : 100 + (n % 100)]);
  return fill(entry.forms[index] ?? entry.forms[entry.forms.length - 1], values);
}

// The page's language as a BCP 47 tag ("en-GB"), e.g. for speech synthesis.
export function language() {
  return current().lang || globalThis.document?.documentElement?.lang || "";
}
