// The search rule for the phone with no connection (pure, no DOM), over the index from
// /search-index.json. It is the server's rule, written out in core/search.py and
// implemented there in SQL; this is the same rule again, step for step:
//  1. query: WHITESPACE runs to one space, trimmed, cut to MAX_QUERY_LENGTH code points
//     (not UTF-16 units), trimmed again (the text); folded, the phrase; its first
//     MAX_WORDS space-separated parts, the words. No words, no results.
//  2. fold: NFKD, marks U+0300-U+036F removed, toLowerCase(), WHITESPACE runs to one
//     space, trimmed. The index carries each page's title, summary and body already
//     folded by the server ("f"), so only the query is folded here.
//  3-4. a page matches when every word is in its folded title, summary or body;
//  5. rank 0 the title holds the phrase, 1 a word, 2 the summary holds a word, 3 otherwise;
//  6. order by rank, folded title by code point, primary key ("i");
//  7. articles and exercises apart, each at most `limit`.
// tests/test_search_parity.py runs the same queries through both and compares the ordered
// results: change one side, change the other in the same way, and run that test.
export const MAX_QUERY_LENGTH = 100;
export const MAX_WORDS = 8;
export const LIMIT = 30;

// The same literal as WHITESPACE in core/search.py (JS's \s and Python's whitespace differ).
const WHITESPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const MARKS = /[\u0300-\u036f]/g;
const EDGE_SPACES = /^ | $/g; // after WHITESPACE: at most one at each end

export function fold(text) {
  return (text || "")
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(WHITESPACE, " ")
    .replace(EDGE_SPACES, "");
}

// { text (shown back), phrase, words, tooLong }, as core.search.parse().
export function parse(raw) {
  const characters = Array.from((raw || "").replace(WHITESPACE, " ").replace(EDGE_SPACES, ""));
  const text = characters.slice(0, MAX_QUERY_LENGTH).join("").replace(/ $/, "");
  const phrase = fold(text);
  const words = phrase ? phrase.split(" ").slice(0, MAX_WORDS) : [];
  return { text, phrase, words, tooLong: characters.length > MAX_QUERY_LENGTH };
}

// Python and the databases' binary collations compare code points; JS's < compares UTF-16
// units, which differs after U+FFFF (an emoji sorts before U+E000-U+FFFF in UTF-16).
function byCodePoint(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < x.length && i < y.length; i += 1) {
    const difference = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (difference) return difference;
  }
  return x.length - y.length;
}

// `query`: the raw text or parse()'s result. Returns { articles, exercises }: index entries.
export function search(entries, query, limit = LIMIT) {
  const { phrase, words } = typeof query === "string" ? parse(query) : query;
  const found = { articles: [], exercises: [] };
  if (!words.length) return found;
  const ranked = [];
  for (const entry of entries) {
    const [title, summary, body] = entry.f;
    const inTitle = (word) => title.includes(word);
    const inSummary = (word) => summary.includes(word);
    if (!words.every((word) => inTitle(word) || inSummary(word) || body.includes(word))) continue;
    let rank = 3;
    if (title.includes(phrase)) rank = 0;
    else if (words.some(inTitle)) rank = 1;
    else if (words.some(inSummary)) rank = 2;
    ranked.push({ rank, entry });
  }
  ranked.sort(
    (a, b) => a.rank - b.rank || byCodePoint(a.entry.f[0], b.entry.f[0]) || a.entry.i - b.entry.i,
  );
  for (const { entry } of ranked) {
    const group = entry.k === "a" ? found.articles : found.exercises;
    if (group.length < limit) group.push(entry);
  }
  return found;
}
