// Registers the service worker so the page keeps working offline after the first visit.
// Separate from the element: a page embedding the element decides for itself.

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register(new URL("./sw.js", import.meta.url), { scope: "./" }).catch(() => {
    // Without a service worker the page still works online; nothing to tell the person.
  });
}
