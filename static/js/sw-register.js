// Registers the service worker (served by django-pwa at /serviceworker.js, root scope).
// Loaded as a module from templates/pwa.html: no inline script, strict CSP.
const tag = document.querySelector("script[data-scope]");
const scope = (tag && tag.dataset.scope) || "/";

if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/serviceworker.js", { scope }).catch((error) => {
      // Registration fails in private modes and old browsers; the site works without it.
      console.warn("Service worker not registered:", error.message);
    });
  });
}
