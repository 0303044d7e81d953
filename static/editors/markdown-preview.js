// Editors only (static/editors/ is not saved for offline use). The article form's live preview: the body as readers will see it, rendered by the server
// with the same Markdown and sanitizer as the page (so what is shown is what is published),
// and the warnings about mistakes that still render. Updated a moment after typing stops.
// The admin loads it in <head>, before the form exists: start once the page is parsed.
const WAIT_MS = 400;

function start() {
  const preview = document.querySelector(".markdown-preview");
  const body = document.getElementById("id_body");
  if (!preview || !body) return;
  const page = preview.querySelector(".markdown-preview__page");
  const warnings = preview.querySelector(".markdown-warnings");
  const token = body.form.querySelector("input[name=csrfmiddlewaretoken]").value;
  let timer = 0;
  let asked = 0;

  async function refresh() {
    const mine = ++asked;
    const response = await fetch(preview.dataset.url, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      body: new URLSearchParams({ body: body.value }),
      credentials: "same-origin",
    });
    if (!response.ok || mine !== asked) return; // a newer request is on its way
    const data = await response.json();
    page.innerHTML = data.html; // sanitized by the server, as on the public page
    warnings.replaceChildren(
      ...data.warnings.map((text) => {
        const item = document.createElement("li");
        item.className = "warning";
        item.textContent = text;
        return item;
      }),
    );
  }

  body.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => refresh().catch(() => {}), WAIT_MS);
  });
}

document.addEventListener("DOMContentLoaded", start);
