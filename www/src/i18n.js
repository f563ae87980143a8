// Every text the element shows itself, one module per shipped language
// (src/i18n/<locale>.js). The core writes the questions, explanations and next
// steps; these name things (profiles, indices, areas, flags, events) and label
// the interface. English comes with this module (the fallback, and the page's
// own language). Another language is fetched only when it is shown
// (loadLocale): this module's texts and the core's (pkg/texts-<locale>.json,
// handed to each core instance by coreLocale), so a first load does not carry
// all three. The core has no text built in: its English table
// (loadCoreTexts("en")) comes with the views that show its texts, after the
// start screen, which needs none. A browser test checks every key in every
// locale (tests/browser/texts.mjs imports them all).

import en from "./i18n/en.js";

/**
 * The other languages' texts, each imported by a name written out: a bundler
 * then gives each its own file (scripts/dist.mjs), and English stays with this module.
 */
const OTHER_TEXTS = {
  de: () => import("./i18n/de.js"),
  es: () => import("./i18n/es.js"),
};

export const LOCALES = ["en", ...Object.keys(OTHER_TEXTS)];

export const LANGUAGE_NAMES = { en: "English", de: "Deutsch", es: "Español" };

/** The texts of each locale loaded so far; the others arrive through loadLocale(). */
export const TEXTS = { en };

/** The core's text table (JSON text) of each locale loaded so far. */
const CORE_TEXTS = {};

const loading = {};
const loadingCore = {};

/** Whether the texts of `locale` are here, so translate() can use them at once. */
export function hasLocale(locale) {
  return Object.hasOwn(TEXTS, locale);
}

/**
 * Fetches the texts of `locale` once, the element's and the core's together
 * (English for one we do not ship); a failed fetch may be tried again.
 */
export function loadLocale(locale) {
  const wanted = LOCALES.includes(locale) ? locale : "en";
  if (hasLocale(wanted)) return Promise.resolve(wanted);
  loading[wanted] ??= Promise.all([OTHER_TEXTS[wanted](), loadCoreTexts(wanted)]).then(
    ([module]) => {
      TEXTS[wanted] = module.default;
      return wanted;
    },
    (error) => {
      delete loading[wanted];
      throw error;
    },
  );
  return loading[wanted];
}

/** Fetches the core's table of `locale` (pkg/texts-<locale>.json) once; a failed fetch may be tried again. */
export function loadCoreTexts(locale) {
  if (Object.hasOwn(CORE_TEXTS, locale)) return Promise.resolve();
  loadingCore[locale] ??= fetch(new URL(`../pkg/texts-${locale}.json`, import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`texts-${locale}.json: HTTP ${response.status}`);
      return response.text();
    })
    .then(
      (json) => {
        CORE_TEXTS[locale] = json;
      },
      (error) => {
        delete loadingCore[locale];
        throw error;
      },
    );
  return loadingCore[locale];
}

/**
 * The locale `core` (one instance of the wasm core) can write in for `locale`:
 * `locale` once its texts are loaded, else English, as translate() falls back.
 * Each table is handed to this instance the first time (so a fresh instance
 * after a fault gets them too), English as well when it is here: it gives any
 * text another table lacks.
 */
export function coreLocale(core, locale) {
  const used = Object.hasOwn(CORE_TEXTS, locale) ? locale : "en";
  for (const l of new Set([used, "en"])) {
    if (Object.hasOwn(CORE_TEXTS, l) && !core.hasTexts(l)) core.setTexts(CORE_TEXTS[l]);
  }
  return used;
}

/** The shipped locale for a BCP 47 tag such as "de-AT"; English when we do not ship it. */
export function pickLocale(tag) {
  const primary = String(tag ?? "").toLowerCase().split(/[-_]/)[0];
  return LOCALES.includes(primary) ? primary : "en";
}

/** The text `key` in `locale` with `{name}` placeholders filled from `vars`. */
export function translate(locale, key, vars = {}) {
  const value = TEXTS[locale]?.[key] ?? TEXTS.en[key] ?? key;
  if (typeof value !== "string") return value;
  return value.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}
