// The phone's search (static/js/search-core.js). That it ranks exactly as the server does is
// tests/test_search_parity.py's job; these pin the module's own contract.
import assert from "node:assert/strict";
import { test } from "node:test";

import { fold, LIMIT, MAX_QUERY_LENGTH, parse, search } from "../../static/js/search-core.js";

// An index entry as /search-index.json gives it: "f" is already folded by the server.
function entry(kind, i, title, summary = "", body = "") {
  const f = [fold(title), fold(summary), fold(body)];
  return { k: kind, u: `/${kind}/${i}/`, t: title, s: summary, i, f };
}

test("fold ignores case, accents, compatibility forms and spacing", () => {
  assert.equal(fold("  ÉCOLE\u00a0de\u2003Dos "), "ecole de dos");
  assert.equal(fold("\uff30ain ﬁsh"), "pain fish");
  assert.equal(fold("pain\x1csleep"), "pain sleep");
});

test("a query is cut by characters, not UTF-16 units, then folded into at most 8 words", () => {
  const long = parse("😀".repeat(MAX_QUERY_LENGTH + 1));
  assert.equal(Array.from(long.text).length, MAX_QUERY_LENGTH);
  assert.equal(long.tooLong, true);
  const many = parse(" A b  c d e f g h i j ");
  assert.equal(many.text, "A b c d e f g h i j");
  assert.deepEqual(many.words, ["a", "b", "c", "d", "e", "f", "g", "h"]);
  assert.deepEqual(parse(" \t ").words, []);
});

test("results come apart by kind, ranked, and capped per kind", () => {
  const entries = [
    entry("e", 1, "Bridge", "Eases pain."),
    entry("a", 2, "Living with pain"),
    entry("a", 3, "Sleep", "", "Pain and worry at night."),
    entry("a", 4, "Pain and sleep"),
    entry("a", 5, "Notes", "Pain diary."),
  ];
  const found = search(entries, "pain");
  assert.deepEqual(found.articles.map((e) => e.i), [2, 4, 5, 3]);
  assert.deepEqual(found.exercises.map((e) => e.i), [1]);
  assert.deepEqual(search(entries, "pain and sleep").articles.map((e) => e.i), [4, 3]);
  assert.equal(search(entries, "pain", 2).articles.length, 2);
  assert.deepEqual(search(entries, "   "), { articles: [], exercises: [] });
  assert.equal(LIMIT, 30);
});

test("ties are ordered by the folded title by code point, then by primary key", () => {
  const entries = [
    entry("a", 1, "x😀 tie"),
    entry("a", 2, "Tie"),
    entry("a", 3, "x\ue000 tie"),
    entry("a", 4, "tie"),
  ];
  assert.deepEqual(search(entries, "tie").articles.map((e) => e.i), [2, 4, 3, 1]);
});
