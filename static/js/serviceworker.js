// The app's service worker, served by django-pwa at /serviceworker.js (root scope).
//
// It keeps every published page on the phone. The list comes from Django's
// /offline-manifest.json (built from the published() querysets, never drafts),
// with a version that changes whenever published content or static files do.
// - install: precache the whole list; a failing URL is noted and retried later,
//   it does not abort the install.
// - pages: network first with a short timeout, then the saved copy, then /offline/.
//   A server error (5xx) or a timeout counts as no network: the saved copy is shown with
//   a quiet notice (the page's hidden "saved copy" bar is unhidden). An error page is
//   never saved, even one sent with 200 (error pages carry data-error-page).
//   Only URLs in the list are ever saved, so admin pages, previews and drafts never are.
// - an update is all or nothing: if the manifest or any listed URL fails, the phone keeps
//   the whole previous version and the update is offered again on a later visit.
// - saved copies cleared by the browser (storage pressure) are saved again on the next
//   visit, and the page says so.
// - /static/ (hashed names): cache first. /api/: stale-while-revalidate.
// - updates: a new worker waits until the page says so; new content is fetched
//   when the page asks ("update-content"), never behind the reader's back.
const CONTENT = "content-";
const API = "api-v1";
const META = "meta-v1";
const STATE_KEY = "/__sw-state__";
const MANIFEST = "/offline-manifest.json";
const TIMEOUT_MS = 4000;
// A URL being saved for offline use that takes longer than this has failed.
const SAVE_TIMEOUT_MS = 20000;
const PARALLEL = 4;
const ERROR_PAGE = "data-error-page";
const NOTICE_HIDDEN = "data-saved-copy hidden";

// {version, pages: Set of saved URLs, failed: [URLs to retry]}. Read afresh each time:
// a newly installed worker may switch versions while this one still serves pages.
async function loadState() {
  const saved = await (await caches.open(META)).match(STATE_KEY);
  const data = saved ? await saved.json() : { version: null, pages: [], failed: [] };
  return { ...data, pages: new Set(data.pages) };
}

async function saveState(next) {
  const body = JSON.stringify({ ...next, pages: [...next.pages] });
  await (await caches.open(META)).put(STATE_KEY, new Response(body));
}

// "no-cache": the browser asks with the ETag it kept (If-None-Match); an unchanged site
// answers 304 from the server's cache, a few bytes and one query, and the kept copy is used.
async function fetchManifest() {
  const response = await fetch(MANIFEST, { cache: "no-cache", credentials: "omit" });
  if (!response.ok) throw new Error(`offline manifest: HTTP ${response.status}`);
  return response.json();
}

// An error page (ours carry data-error-page), whatever its status says.
async function isErrorPage(response) {
  const type = response.headers.get("Content-Type") || "";
  return type.startsWith("text/html") && (await response.clone().text()).includes(ERROR_PAGE);
}

// A response worth saving: a 2xx that is not a redirect and not an error page.
async function worthSaving(response) {
  return response.ok && !response.redirected && !(await isErrorPage(response));
}

// The server is in trouble: a 5xx, or an error page sent as if all were well.
async function serverTrouble(response) {
  return response.status >= 500 || (response.ok && (await isErrorPage(response)));
}

async function fetchToSave(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SAVE_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      cache: "no-cache",
      credentials: "omit",
      signal: controller.signal,
    });
    if (!(await worthSaving(response))) throw new Error(`HTTP ${response.status}`);
    return response;
  } finally {
    clearTimeout(timer);
  }
}

async function fill(cache, urls, previous) {
  const failed = [];
  const queue = [...urls];
  async function worker() {
    while (queue.length) {
      const url = queue.shift();
      if (await cache.match(url)) continue;
      const reusable = previous && url.startsWith("/static/") && (await previous.match(url));
      if (reusable) {
        await cache.put(url, reusable);
        continue;
      }
      try {
        await cache.put(url, await fetchToSave(url));
      } catch (error) {
        failed.push(url);
        console.warn("Not saved for offline use, will retry:", url, error.message);
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return failed;
}

// Save everything in the manifest into the cache for its version, then switch to it.
// With nothing saved yet, a failing URL is noted and retried later (better some pages
// than none). Over a saved version, it is all or nothing: one failure and the new cache is
// dropped, the previous version stays whole, and the update is tried again later.
async function precache(manifest) {
  const current = await loadState();
  const previous = current.version ? await caches.open(CONTENT + current.version) : null;
  const name = CONTENT + manifest.version;
  const cache = await caches.open(name);
  const urls = [...manifest.assets, ...manifest.pages];
  const failed = await fill(cache, urls, previous);
  if (failed.length && previous && current.version !== manifest.version) {
    await caches.delete(name);
    throw new Error(`update incomplete: ${failed.length} URL(s) failed`);
  }
  await saveState({ version: manifest.version, pages: urls, failed });
}

// Saved copies can be cleared by the browser under storage pressure (the state goes with
// them). Save them again, and let the page say so.
async function resaveIfEvicted(client) {
  const current = await loadState();
  if (current.version) return false;
  await tell(client, { type: "resaving" });
  await precache(await fetchManifest());
  await tell(client, { type: "resaved" });
  return true;
}

async function dropOldCaches() {
  const keep = new Set([CONTENT + (await loadState()).version, API, META]);
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !keep.has(name)).map((name) => caches.delete(name)));
}

async function retryFailed() {
  const current = await loadState();
  if (!current.version || !current.failed.length) return;
  const failed = await fill(await caches.open(CONTENT + current.version), current.failed, null);
  await saveState({ ...current, failed });
}

async function tell(client, message) {
  const current = await loadState();
  (client || { postMessage() {} }).postMessage({
    version: current.version,
    failed: current.failed,
    ...message,
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil(fetchManifest().then(precache));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    dropOldCaches().then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  const client = event.source;
  if (type === "skip-waiting") {
    self.skipWaiting();
  } else if (type === "status") {
    event.waitUntil(tell(client, { type: "status" }));
  } else if (type === "check") {
    event.waitUntil(
      resaveIfEvicted(client)
        .then(() => Promise.all([fetchManifest(), loadState(), retryFailed()]))
        .then(([manifest, current]) =>
          tell(client, {
            type: manifest.version === current.version ? "up-to-date" : "update-available",
          }),
        )
        .catch(() => tell(client, { type: "check-failed" })),
    );
  } else if (type === "update-content") {
    event.waitUntil(
      fetchManifest()
        .then(precache)
        .then(dropOldCaches)
        .then(() => tell(client, { type: "content-updated" }))
        .catch(() => tell(client, { type: "update-failed" })),
    );
  }
});

async function fromCache(key) {
  const current = await loadState();
  if (!current.version) return undefined;
  return (await caches.open(CONTENT + current.version)).match(key);
}

// The saved copy of a page, with its "this is the copy saved on your phone" bar shown.
async function withNotice(saved) {
  const type = saved.headers.get("Content-Type") || "";
  if (!type.startsWith("text/html")) return saved;
  const html = (await saved.text()).replace(NOTICE_HIDDEN, "data-saved-copy");
  return new Response(html, { status: 200, statusText: "OK", headers: saved.headers });
}

async function networkFirst(event, key, listed) {
  const network = fetch(event.request).then(async (response) => {
    if (listed && (await worthSaving(response))) {
      const state = await loadState();
      if (state.version) await (await caches.open(CONTENT + state.version)).put(key, response.clone());
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  const timeout = new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first && !(await serverTrouble(first))) return first;
    // A server error or no answer yet: her saved copy if she has one, else the server's.
    const saved = await fromCache(key);
    if (saved) return withNotice(saved);
    return first || (await network);
  } catch (error) {
    const path = new URL(key, self.location.origin).pathname;
    const saved = (await fromCache(key)) || (path === "/search/" && (await fromCache("/search/")));
    if (saved) return saved;
    if (event.request.mode === "navigate") {
      const offline = await fromCache("/offline/");
      if (offline) return offline;
    }
    throw error;
  }
}

async function cacheFirst(event, key) {
  const saved = await fromCache(key);
  if (saved) return saved;
  const response = await fetch(event.request);
  const current = await loadState();
  if (response.ok && current.version) {
    const cache = await caches.open(CONTENT + current.version);
    event.waitUntil(cache.put(key, response.clone()));
  }
  return response;
}

async function staleWhileRevalidate(event) {
  const cache = await caches.open(API);
  const saved = await cache.match(event.request);
  const network = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(event.request, response.clone());
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  return saved || network;
}

// The saved copy of a page is found without the launch marker (?source=pwa/shortcut).
function keyFor(url) {
  const copy = new URL(url);
  copy.searchParams.delete("source");
  return copy.pathname + copy.search;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === MANIFEST || url.pathname === "/serviceworker.js") return;
  const key = keyFor(url);
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(event, key));
  } else if (url.pathname.startsWith("/api/")) {
    event.respondWith(staleWhileRevalidate(event));
  } else {
    event.respondWith(
      loadState().then((current) => {
        const listed = current.pages.has(key);
        if (!listed && event.request.mode !== "navigate" && key !== "/search/") {
          return fetch(event.request);
        }
        return networkFirst(event, key, listed);
      }),
    );
  }
});
