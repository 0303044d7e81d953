// Pure search over the compact index from /search-index.json (no DOM), mirroring the
// server: every word must match somewhere; title matches first.
export function normalise(text) {
  return (text || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

export function search(entries, query, limit = 30) {
  const phrase = normalise(query).trim().replace(/\s+/g, " ").slice(0, 100);
  const words = phrase.split(" ").filter(Boolean).slice(0, 8);
  if (!words.length) return [];
  const ranked = [];
  for (const entry of entries) {
    const title = normalise(entry.t);
    const summary = normalise(entry.s);
    const rest = normalise([...(entry.h || []), ...(entry.g || [])].join(" "));
    const all = `${title} ${summary} ${rest}`;
    if (!words.every((word) => all.includes(word))) continue;
    let rank = 3;
    if (title.includes(phrase)) rank = 0;
    else if (words.some((word) => title.includes(word))) rank = 1;
    else if (words.some((word) => summary.includes(word))) rank = 2;
    ranked.push({ rank, entry });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.entry.t.localeCompare(b.entry.t));
  return ranked.slice(0, limit).map((item) => item.entry);
}
