// Runs queries through the phone's search (static/js/search-core.js) for
// tests/test_search_parity.py. Reads {"entries": [...], "queries": [...]} on stdin (entries
// as /search-index.json gives them) and writes, for each query, the result URLs in order:
// [{"articles": [url, ...], "exercises": [url, ...]}, ...].
import { search } from "../static/js/search-core.js";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { entries, queries } = JSON.parse(input);
const urls = (list) => list.map((entry) => entry.u);
const results = queries.map((query) => {
  const found = search(entries, query);
  return { articles: urls(found.articles), exercises: urls(found.exercises) };
});
process.stdout.write(JSON.stringify(results));
