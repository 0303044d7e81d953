// Search without a connection. The server renders results for the query it received
// (data-query). When the page was served from the phone's saved copy instead (offline),
// the query in the address differs, and the results come from the saved index.
// Its words come from the page's catalogue (./i18n.js).
import { t, tn } from "./i18n.js";
import { parse, search } from "./search-core.js";

const results = document.getElementById("search-results");
const query = parse(new URLSearchParams(window.location.search).get("q") || "");

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
}

if (results && query.words.length && query.text !== results.dataset.query) {
  render().catch(() => {
    results.textContent = t("search.unavailable");
  });
}
