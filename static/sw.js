// Weave's service worker: keeps every file of one build in a cache named
// after the build, so the app opens with no network at all once it has
// loaded. scripts/precache.mjs fills in BUILD and FILES at build time.
// It never touches IndexedDB: an update cannot lose stored maps.
const BUILD = "__WEAVE_BUILD__";
const FILES = __WEAVE_FILES__;
const CACHE = "weave-" + BUILD;
// Deployment settings the host may edit after a build: network first.
const LIVE = new Set(["embed.json"]);

const here = (path) => new URL(path, self.location).href;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: "reload" skips the HTTP cache, so a new build never stores old bytes.
    await cache.addAll(FILES.map((f) => new Request(here(f), { cache: "reload" })));
    // Take over at once: the running page already has all its files, and the
    // next load gets the new build.
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("weave-") && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "weave:build") event.source?.postMessage({ type: "weave:build", build: BUILD });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const name = url.pathname.slice(new URL(self.registration.scope).pathname.length);
    if (LIVE.has(name)) {
      try {
        const fresh = await fetch(request);
        if (fresh.ok) await cache.put(request, fresh.clone());
        return fresh;
      } catch {
        return (await cache.match(request)) || Response.error();
      }
    }
    const navigate = request.mode === "navigate";
    const hit = await cache.match(request, { ignoreSearch: navigate });
    if (hit) return hit;
    try {
      const fresh = await fetch(request);
      // Event files and other same-origin extras keep working offline once seen.
      if (fresh.ok && !navigate) await cache.put(request, fresh.clone());
      return fresh;
    } catch (e) {
      if (navigate) {
        const index = await cache.match(here("index.html"));
        if (index) return index;
      }
      throw e;
    }
  })());
});
