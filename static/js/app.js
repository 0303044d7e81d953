// Small site-wide helpers: the offline notice, the install button (and iOS instructions),
// and asking the browser to keep our offline copy and the reader's records.
const standalone =
  window.matchMedia("(display-mode: standalone)").matches || window.navigator.standalone === true;

// --- App bars -----------------------------------------------------------------------
// The bars overlay the bottom of the screen (site.css "App bars"). Each is lifted above the
// bars shown before it (--below), so a new bar never moves one already on screen, and the
// page reserves their height at its end (--app-bars-height).
const stack = document.querySelector(".app-bars");
if (stack) {
  const bars = [...stack.querySelectorAll(".app-bar")];
  let shown = bars.filter((bar) => !bar.hidden);
  const place = () => {
    let below = 0;
    for (const bar of shown) {
      bar.style.setProperty("--below", `${below}px`);
      below += bar.offsetHeight;
    }
    document.documentElement.style.setProperty("--app-bars-height", `${below}px`);
  };
  new MutationObserver(() => {
    const now = bars.filter((bar) => !bar.hidden);
    shown = shown.filter((bar) => now.includes(bar)).concat(now.filter((bar) => !shown.includes(bar)));
    place();
  }).observe(stack, { attributes: true, attributeFilter: ["hidden"], subtree: true });
  const resized = new ResizeObserver(place);
  for (const bar of bars) resized.observe(bar);
  place();
}

// --- Offline notice --------------------------------------------------------------
const offlineBar = document.getElementById("offline-bar");
function showConnection() {
  if (offlineBar) offlineBar.hidden = navigator.onLine;
}
window.addEventListener("online", showConnection);
window.addEventListener("offline", showConnection);
showConnection();

// --- Install ---------------------------------------------------------------------
const installBar = document.getElementById("install-bar");
const installButton = installBar && installBar.querySelector("button");
let deferredPrompt = null;

window.addEventListener("beforeinstallprompt", (event) => {
  event.preventDefault(); // show our own button instead of the browser's mini-bar
  deferredPrompt = event;
  if (installBar && !standalone) installBar.hidden = false;
});

if (installButton) {
  installButton.addEventListener("click", async () => {
    if (!deferredPrompt) return;
    installBar.hidden = true;
    deferredPrompt.prompt();
    await deferredPrompt.userChoice;
    deferredPrompt = null;
  });
}

window.addEventListener("appinstalled", () => {
  if (installBar) installBar.hidden = true;
  keepOfflineCopy();
});

// iOS Safari has no install prompt: show how to add the app to the home screen.
const iosHelp = document.getElementById("ios-install");
const isIOS = /iphone|ipad|ipod/i.test(navigator.userAgent);
if (iosHelp && isIOS && !standalone && !localStorage.getItem("ios-install-dismissed")) {
  iosHelp.hidden = false;
  iosHelp.querySelector("button").addEventListener("click", () => {
    iosHelp.hidden = true;
    localStorage.setItem("ios-install-dismissed", "1");
  });
}

// --- Persistent storage --------------------------------------------------------------
// Asked for at moments that show the app matters to her: once installed, or after her
// first recorded session. Browsers may say no; everything still works.
async function keepOfflineCopy() {
  if (!navigator.storage || !navigator.storage.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

document.addEventListener("timer:session-recorded", () => {
  keepOfflineCopy().catch(() => undefined);
});
if (standalone) keepOfflineCopy().catch(() => undefined);
