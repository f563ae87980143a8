// The standalone page's own behaviour (an embedding page decides these for itself):
// the check speaks the visitor's language when we ship it, and works offline.

import { LOCALES, loadLocale } from "./src/i18n.js";

const check = document.querySelector("burnout-check");
if (check && !check.hasAttribute("lang")) {
  // The intro is English (<html lang="en">); the check itself follows the browser.
  const wanted = (navigator.languages ?? [navigator.language]).map((l) => String(l).toLowerCase().split("-")[0]);
  const locale = wanted.find((l) => LOCALES.includes(l));
  if (locale) {
    loadLocale(locale).catch(() => {}); // fetched now, while the element itself loads
    check.setAttribute("lang", locale);
  }
}

if ("serviceWorker" in navigator) {
  // Once the page has loaded: the worker's install fetches every file of the
  // app, which would otherwise compete with the first screen for the connection.
  const register = () =>
    navigator.serviceWorker.register(new URL("./sw.js", import.meta.url), { scope: "./" }).catch(() => {
      // Without a service worker the page still works online; nothing to tell the person.
    });
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}
