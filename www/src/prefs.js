// What the element reads from storage itself, before the core has loaded: the
// language the person picked, remembered across visits in one small key under
// the element's namespace (`<ns>:lang`), and whether a draft waits. The language
// is written only where the history itself may be written: never without
// storage, and never into a history kept read-only (saved by a newer version),
// where not one byte may change.

import { LOCALES } from "./i18n.js";

const key = (namespace) => `${namespace}:lang`;

/** The value stored under `k`, or null (none, or storage missing or blocked). */
function read(k) {
  try {
    return globalThis.localStorage?.getItem(k) ?? null;
  } catch {
    return null;
  }
}

/** The remembered language, or null (none, unreadable, or not one we ship). */
export function rememberedLanguage(namespace) {
  const value = read(key(namespace));
  return LOCALES.includes(value) ? value : null;
}

/** Remembers `locale` when the store says this history may be written. */
export function rememberLanguage(store, namespace, locale) {
  try {
    const status = store?.status();
    if (!status?.persistent || status.read_only) return;
    globalThis.localStorage.setItem(key(namespace), locale);
  } catch {
    // Full or blocked storage: the choice lasts for this visit only.
  }
}

/**
 * Whether storage holds a draft (`<ns>:draft`, written by the core's store), read
 * before the core has loaded: with one, the element waits for the core to resume
 * it instead of showing the start screen first. Only its presence is looked at;
 * the core reads and checks it.
 */
export function hasDraft(namespace) {
  return read(`${namespace}:draft`) !== null; // storage blocked: the core keeps no draft either
}

/** Forgets the language (part of "delete everything"). */
export function forgetLanguage(namespace) {
  try {
    globalThis.localStorage?.removeItem(key(namespace));
  } catch {
    // nothing stored, nothing to forget
  }
}
