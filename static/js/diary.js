// The symptom diary: a note on any day, kept in this phone's IndexedDB (records.js) only.
import { localDate } from "./suitability-core.js";
import { part, say } from "./progress-view.js";
import { cleanNote, isEmptyNote } from "./records-core.js";
import { keepRecords, saveNote } from "./records.js";
import { newUid } from "./sessions.js";

const root = document.getElementById("diary");
const form = part(root, "form");
const field = (name) => [...form.querySelectorAll(`[data-field="${name}"]`)];
const dayInput = field("day")[0];

function reset() {
  form.reset();
  dayInput.value = dayInput.max = localDate(new Date());
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const numb = field("numbness").find((input) => input.checked)?.value;
  const note = cleanNote({
    uid: newUid(),
    day: dayInput.value,
    savedAt: new Date().toISOString(),
    pain: form.querySelector('input[name="diary-pain"]:checked')?.value,
    where: field("where").filter((input) => input.checked).map((input) => input.value),
    numbness: numb ? numb === "yes" : null,
    text: field("text")[0].value,
  });
  const error = part(root, "error");
  error.hidden = Boolean(note && !isEmptyNote(note));
  if (!error.hidden) return;
  try {
    await saveNote(note);
    reset();
    say(part(root, "status"), "saved");
    keepRecords();
  } catch {
    say(part(root, "status"), "failed");
  }
});

reset();
part(root, "nojs").hidden = true;
