// Search without a connection. The server renders results for the query it received
// (data-query). When the page was served from the phone's saved copy instead (offline),
// the query in the address differs, and the results come from the saved index.
// Its words come from the page's catalogue (./i18n.js).
import { t, tn } from "./i18n.js";
import { search } from "./search-core.js";

const results = document.getElementById("search-results");
const query = new URLSearchParams(window.location.search).get("q") || "";

function item(entry) {
  const li = document.createElement("li");
  li.className = "card";
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
  const found = search(entries, query);
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  const words = { query: query.trim() };
  status.textContent = found.length
    ? tn("search.results_saved", found.length, words)
    : t("search.nothing", words);
  results.replaceChildren(
    status,
    section(t("search.articles"), found.filter((entry) => entry.k === "a")),
    section(t("search.exercises"), found.filter((entry) => entry.k === "e")),
  );
  const input = document.getElementById("search-q");
  if (input) input.value = query;
}

if (results && query.trim() && query.trim().replace(/\s+/g, " ") !== results.dataset.query) {
  render().catch(() => {
    results.textContent = t("search.unavailable");
  });
}
