// Registers the service worker and runs the update flow. Loaded as a module from
// templates/pwa.html (no inline script: strict CSP).
//
// - After the worker is ready, <html data-offline-version="..."> says which content
//   version is saved on the phone (the tests wait for it).
// - On each online visit the worker compares the saved version with the server's;
//   a new version, or a new worker, shows the "Update available" bar.
// - An update never reloads the page while a timer is running or paused: it waits
//   until the timer ends (the timer fires "timer:idle" on the document). An update that
//   fails keeps the previous version and is offered again.
// - Offline copies the browser cleared are saved again; a bar says so meanwhile.
// Its words come from the page's catalogue (./i18n.js).
import { t } from "./i18n.js";

const tag = document.querySelector("script[data-scope]");
const scope = (tag && tag.dataset.scope) || "/";

const bar = () => document.getElementById("update-bar");
const timerBusy = () => document.querySelector(".timer[data-state='running'], .timer[data-state='paused']");

function reloadWhenIdle() {
  if (!timerBusy()) {
    window.location.reload();
    return;
  }
  const note = bar();
  if (note) {
    note.querySelector("[data-el='text']").textContent = t("update.waiting");
    note.querySelector("button").hidden = true;
    note.hidden = false;
  }
  document.addEventListener("timer:idle", () => window.location.reload(), { once: true });
}

let offerText = null;

function offerUpdate(apply) {
  const note = bar();
  if (!note) return;
  const text = note.querySelector("[data-el='text']");
  offerText = offerText || text.textContent;
  text.textContent = offerText;
  const button = note.querySelector("button");
  button.hidden = false;
  button.disabled = false;
  button.onclick = () => {
    button.disabled = true;
    note.querySelector("[data-el='text']").textContent = t("update.updating");
    apply();
  };
  note.hidden = false;
}

async function start() {
  const registration = await navigator.serviceWorker.register("/serviceworker.js", { scope });
  const container = navigator.serviceWorker;
  let updating = false;

  container.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.version) document.documentElement.dataset.offlineVersion = data.version;
    if (data.type === "update-available") {
      offerUpdate(() => container.controller.postMessage({ type: "update-content" }));
    } else if (data.type === "content-updated") {
      reloadWhenIdle();
    } else if (data.type === "update-failed") {
      // The phone kept the whole previous version: offer the update again.
      offerUpdate(() => container.controller.postMessage({ type: "update-content" }));
    } else if (data.type === "resaving" || data.type === "resaved") {
      const note = document.getElementById("resaving-bar");
      if (note) note.hidden = data.type === "resaved";
    }
  });

  // A page opened for the first time is not yet controlled: when the worker takes over,
  // nothing needs reloading. Later controller changes come from a tapped update.
  const hadController = Boolean(container.controller);
  container.addEventListener("controllerchange", () => {
    if (hadController || updating) reloadWhenIdle();
  });

  const offerWorker = (worker) =>
    offerUpdate(() => {
      updating = true;
      worker.postMessage({ type: "skip-waiting" });
    });
  if (registration.waiting && container.controller) offerWorker(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && container.controller) offerWorker(worker);
    });
  });

  const ready = await container.ready;
  ready.active.postMessage({ type: "status" });
  if (navigator.onLine) ready.active.postMessage({ type: "check" });
}

if ("serviceWorker" in navigator) {
  start().catch((error) => {
    // Private modes and old browsers refuse workers; the site still works online.
    console.warn("Offline support is not available:", error.message);
  });
}
