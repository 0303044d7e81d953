// Search without a connection. The server renders results for the query it received
// (data-query). When the page was served from the phone's saved copy instead (offline),
// the query in the address differs, and the results come from the saved index.
// Its words come from the page's catalogue (./i18n.js). An exercise found there is marked
// "Not yet for you" from the rules the index carries ("r"), by suitability.js as every
// other card is.
import { t, tn } from "./i18n.js";
import { parse, search } from "./search-core.js";
import { markPage } from "./suitability.js";

const results = document.getElementById("search-results");
const query = parse(new URLSearchParams(window.location.search).get("q") || "");

function item(entry) {
  const li = document.createElement("li");
  li.className = "card";
  // An exercise's rules as its server-rendered card carries them; none at all counts as
  // "needs clearance" (suitability-core.js readRules: fail safe).
  if (entry.k === "e") li.dataset.rules = JSON.stringify(entry.r ?? null);
  const heading = document.createElement("h3");
  heading.className = "card__title";
  const link = document.createElement("a");
  link.href = entry.u;
  link.textContent = entry.t;
  heading.append(link);
  const summary = document.createElement("p");
  summary.textContent = entry.s;
  li.append(heading, summary);
  return li;
}

function section(title, entries) {
  const fragment = document.createDocumentFragment();
  if (!entries.length) return fragment;
  const heading = document.createElement("h2");
  heading.textContent = title;
  const list = document.createElement("ul");
  list.className = "cards";
  list.append(...entries.map(item));
  fragment.append(heading, list);
  return fragment;
}

async function render() {
  const response = await fetch(results.dataset.index);
  const { entries } = await response.json();
  const { articles, exercises } = search(entries, query);
  const count = articles.length + exercises.length;
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  const words = { query: query.text };
  status.textContent = count ? tn("search.results_saved", count, words) : t("search.nothing", words);
  results.replaceChildren(
    status,
    section(t("search.articles"), articles),
    section(t("search.exercises"), exercises),
  );
  const input = document.getElementById("search-q");
  if (input) input.value = query.text;
  markPage();
}

if (results && query.words.length && query.text !== results.dataset.query) {
  render().catch(() => {
    results.textContent = t("search.unavailable");
  });
}
