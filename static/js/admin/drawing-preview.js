// The admin's exercise form: the drawing preview follows the "Illustration (built-in)" choice
// before the form is saved. The addresses of the drawings come in the image's data-urls
// attribute (hashed static names), so nothing here is inline (strict CSP).
document.addEventListener("DOMContentLoaded", () => {
  const select = document.getElementById("id_illustration_static");
  const preview = document.getElementById("drawing-preview");
  if (!select || !preview) return;
  const urls = JSON.parse(preview.dataset.urls || "{}");
  select.addEventListener("change", () => {
    const url = urls[select.value] || "";
    preview.hidden = !url;
    if (url) preview.src = url;
    else preview.removeAttribute("src");
  });
});
