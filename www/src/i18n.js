// Every text the element shows itself, one module per shipped language
// (src/i18n/<locale>.js). The core writes the questions, explanations and next
// steps; these name things (profiles, indices, areas, flags, events) and label
// the interface. English comes with this module (the fallback, and the page's
// own language), and the core has its own English built in. Another language
// is fetched only when it is shown (loadLocale): this module's texts and the
// core's (pkg/texts-<locale>.json, handed to each core instance by coreLocale),
// so a first load does not carry all three. A browser test checks every key in
// every locale (tests/browser/texts.mjs imports them all).

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

/** The core's text table (JSON text) of each locale loaded so far, English aside (built into the core). */
const CORE_TEXTS = {};

const loading = {};

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
  loading[wanted] ??= Promise.all([OTHER_TEXTS[wanted](), fetchCoreTable(wanted)]).then(
    ([module, json]) => {
      CORE_TEXTS[wanted] = json;
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

/** The core's table of `locale` (pkg/texts-<locale>.json), as text. */
function fetchCoreTable(locale) {
  return fetch(new URL(`../pkg/texts-${locale}.json`, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`texts-${locale}.json: HTTP ${response.status}`);
    return response.text();
  });
}

/**
 * The locale `core` (one instance of the wasm core) can write in for `locale`:
 * `locale` once its texts are loaded (handed to this instance the first time,
 * so a fresh instance after a fault gets them too), else English, as translate() falls back.
 */
export function coreLocale(core, locale) {
  if (locale === "en" || !Object.hasOwn(CORE_TEXTS, locale)) return "en";
  if (!core.hasTexts(locale)) core.setTexts(CORE_TEXTS[locale]);
  return locale;
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
