// The service worker: after the first visit the check works offline. Every
// asset is precached on install; same-origin GETs are served cache-first.
// The cache name carries a build id (written by scripts/postbuild.mjs), so a
// new build installs a fresh cache and the old one is dropped on activate.

const VERSION = 1;
try {
  importScripts("./pkg/build-id.js"); // sets self.BUILD_ID; missing in a bare checkout
} catch {
  // no build id: fall back to VERSION alone
}
const PREFIX = "burnout-check-";
const CACHE = `${PREFIX}v${VERSION}-${self.BUILD_ID ?? "dev"}`;

// Every file the page needs, relative to this script. scripts/postbuild.mjs and
// a browser test check that it matches the files in www/.
const ASSETS = [
  "./",
  "index.html",
  "page.css",
  "page.js",
  "burnout-check.js",
  "embed.html",
  "embed-host.js",
  "frame.js",
  "src/charts.js",
  "src/core.js",
  "src/dates.js",
  "src/early.js",
  "src/define.js",
  "src/download.js",
  "src/embed-crisis.js",
  "src/embed-events.js",
  "src/element.js",
  "src/h.js",
  "src/i18n.js",
  "src/i18n/de.js",
  "src/i18n/en.js",
  "src/i18n/es.js",
  "src/prefs.js",
  "src/print.js",
  "src/styles.js",
  "src/views/history.js",
  "src/views/questions.js",
  "src/views/result.js",
  "src/views/start.js",
  "pkg/burnout_check.js",
  "pkg/burnout_check_bg.wasm",
  "pkg/texts-de.json",
  "pkg/texts-en.json",
  "pkg/texts-es.json",
];

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
