// Reminders as an .ics file (static/js/ics-core.js), RFC 5545. The browser test
// (tests/browser/test_reminders.py) parses a downloaded file with the icalendar package.
import assert from "node:assert/strict";
import { test } from "node:test";

import { buildCalendar, escapeText, events, firstDay, fold } from "../../static/js/ics-core.js";

const NOW = new Date("2026-03-02T08:15:30.123Z");
const PELVIC = {
  key: "pelvic-floor", title: "Pelvic floor exercises", url: "https://example.org/exercises/",
  times: ["19:00", "08:00", "13:00"], days: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
};
const ROUTINE = {
  key: "routine", title: "My routine", url: "https://example.org/routines/today/",
  times: ["10:30", "", "99:00"], days: ["FR", "MO", "TU", "WE", "TH"], minutes: 15,
};

const unfold = (text) => text.replace(/\r\n /g, "");

test("every line ends with CRLF and none is longer than 75 octets", () => {
  const long = { ...ROUTINE, title: "Étirement doux ".repeat(12) };
  const text = buildCalendar([PELVIC, long], { startDay: "2026-03-02", host: "example.org", now: NOW });
  assert.ok(text.endsWith("\r\n"));
  assert.ok(!/[^\r]\n/.test(text), "bare LF");
  for (const line of text.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  assert.ok(unfold(text).includes(`SUMMARY:${"Étirement doux ".repeat(12)}`));
});

test("folding never splits a character and continues with one space", () => {
  const line = "DESCRIPTION:" + "é".repeat(60);
  const folded = fold(line);
  assert.equal(folded.replace(/\r\n /g, ""), line);
  for (const part of folded.split("\r\n")) assert.ok(new TextEncoder().encode(part).length <= 75);
  assert.equal(fold("SHORT:1"), "SHORT:1");
});

test("text is escaped", () => {
  assert.equal(escapeText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
});

test("one event per time, daily or on the chosen weekdays, with an alarm and a stable UID", () => {
  const text = unfold(buildCalendar([PELVIC, ROUTINE], { startDay: "2026-03-07", host: "example.org", now: NOW }));
  const vevents = text.split("BEGIN:VEVENT").slice(1);
  assert.equal(vevents.length, 4);
  assert.match(vevents[0], /UID:pelvic-floor-0800@example.org\r\n/);
  assert.match(vevents[0], /DTSTART:20260307T080000\r\n/);
  assert.match(vevents[0], /RRULE:FREQ=DAILY\r\n/);
  assert.match(vevents[0], /DTSTAMP:20260302T081530Z\r\n/);
  assert.match(vevents[0], /BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Pelvic floor exercises\r\nTRIGGER:PT0M\r\nEND:VALARM/);
  assert.match(vevents[0], /URL:https:\/\/example.org\/exercises\/\r\n/);
  assert.match(vevents[3], /UID:routine-1030@example.org\r\n/);
  assert.match(vevents[3], /RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\n/);
  assert.match(vevents[3], /DTSTART:20260309T103000\r\n/); // Saturday 7th: the first weekday is Monday 9th
  assert.match(vevents[3], /DURATION:PT15M\r\n/);
  const again = unfold(buildCalendar([PELVIC, ROUTINE], { startDay: "2026-04-01", host: "example.org" }));
  const uids = (t) => t.match(/^UID:.*$/gm);
  assert.deepEqual(uids(again), uids(text));
});

test("a reminder with no day or no time gives no event", () => {
  assert.deepEqual(events({ ...PELVIC, days: [] }), []);
  assert.deepEqual(events({ ...PELVIC, times: ["", "7pm"] }), []);
  assert.equal(firstDay("2026-03-02", ["MO"]), "20260302");
  assert.equal(firstDay("2026-03-03", ["MO"]), "20260309");
  const empty = buildCalendar([], { startDay: "2026-03-02", host: "h" });
  assert.equal(empty, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Postpartum Sciatica Relief//Reminders//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
});
