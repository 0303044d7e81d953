// "Add reminders to my calendar": her picks become an .ics file made on the phone
// (ics-core.js) for her calendar app to add. No push server, nothing sent; offline too.
import { localDate } from "./suitability-core.js";
import { buildCalendar } from "./ics-core.js";
import { download, part, say } from "./progress-view.js";

const root = document.getElementById("reminders");
const form = part(root, "form");
const checked = (box, name) => [...box.querySelectorAll(`[data-field="${name}"]`)].filter((i) => i.checked);

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const reminders = [...form.querySelectorAll("[data-reminder]")]
    .filter((box) => checked(box, "on").length)
    .map((box) => ({
      key: box.dataset.reminder,
      title: box.dataset.title,
      url: box.dataset.url,
      times: [...box.querySelectorAll('[data-field="time"]')].map((input) => input.value),
      days: checked(box, "day").map((input) => input.value),
    }));
  const text = buildCalendar(reminders, { startDay: localDate(new Date()), host: location.host });
  const error = part(root, "error");
  error.hidden = text.includes("BEGIN:VEVENT");
  if (!error.hidden) return;
  download(text, "text/calendar;charset=utf-8", "sciatica-reminders.ics");
  say(part(root, "status"), "ready");
});

part(root, "nojs").hidden = true;
