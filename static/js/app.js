// Small site-wide helpers: the offline notice, the install button (and iOS instructions),
// and asking the browser to keep our offline copy and the reader's records.
const standalone =
  window.matchMedia("(display-mode: standalone)").matches || window.navigator.standalone === true;

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
