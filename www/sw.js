// The service worker: after the first visit the check works offline. Every
// asset is precached on install; same-origin GETs are served cache-first.
// The cache name carries a build id (written by scripts/postbuild.mjs), so a
// new build installs a fresh cache and the old one is dropped on activate.

const VERSION = 1;
try {
  // Sets self.BUILD_ID and self.ASSETS, every file the page needs, relative to
  // this script; written by scripts/postbuild.mjs for dist/ and for www/ from
  // the files each serves (dist/ has bundled chunks with hashed names). Missing
  // in a bare checkout, where the page cannot run anyway.
  importScripts("./pkg/precache.js");
} catch {
  // no list: nothing is precached, and the page works online only
}
const PREFIX = "burnout-check-";
const CACHE = `${PREFIX}v${VERSION}-${self.BUILD_ID ?? "dev"}`;
const ASSETS = self.ASSETS ?? [];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        // Offline and not cached: a page navigation still gets the app.
        if (request.mode === "navigate") {
          const page = await cache.match("index.html");
          if (page) return page;
        }
        throw error;
      }
    }),
  );
});
