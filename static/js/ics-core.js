// Reminders as an RFC 5545 calendar: a VEVENT per time with RRULE, VALARM and a stable UID
// (adding the file again updates, never doubles). Floating local times. Pure; tested by
// tests/js/ics-core.test.mjs.

export const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// RFC 5545 3.3.11
export function escapeText(text) {
  return String(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

// At most 75 octets a line, never splitting a character (RFC 5545 3.1).
export function fold(line) {
  const encoder = new TextEncoder();
  const out = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length ? 74 : 75; // a continuation line starts with its space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const utcStamp = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

// {key, title, url, times ["08:30"], days ["MO"], minutes}: one event per usable time.
export function events(reminder) {
  const days = DAYS.filter((day) => (reminder.days || []).includes(day));
  const times = [...new Set((reminder.times || []).filter((t) => TIME.test(t)))].sort();
  if (!days.length) return [];
  return times.map((time) => ({ ...reminder, time, days }));
}

// The first of `days` from `day` on: a DTSTART in step with its RRULE.
export function firstDay(day, days) {
  const date = new Date(`${day}T12:00:00Z`);
  for (let i = 0; i < 7 && !days.includes(DAYS[(date.getUTCDay() + 6) % 7]); i++) {
    date.setUTCDate(date.getUTCDate() + 1);
  }
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

export function buildCalendar(reminders, { startDay, host, now = new Date(), alarm = "" }) {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Postpartum Sciatica Relief//Reminders//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  for (const event of reminders.flatMap(events)) {
    const [hours, minutes] = event.time.split(":");
    const everyDay = event.days.length === 7;
    const length = Math.min(Math.max(Number(event.minutes) || 10, 1), 120);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.key}-${hours}${minutes}@${host}`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART:${firstDay(startDay, event.days)}T${hours}${minutes}00`,
      `DURATION:PT${length}M`,
      everyDay ? "RRULE:FREQ=DAILY" : `RRULE:FREQ=WEEKLY;BYDAY=${event.days.join(",")}`,
      `SUMMARY:${escapeText(event.title)}`,
      `DESCRIPTION:${escapeText(`${event.description || event.title}\n${event.url}`)}`,
      `URL:${event.url}`,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${escapeText(alarm || event.title)}`,
      "TRIGGER:PT0M",
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
