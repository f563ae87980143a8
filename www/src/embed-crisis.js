// The host's own crisis list, given as JSON in the `crisis-resources` attribute:
//   ["Wellbeing desk: ext. 4455", { "text": "Samaritans: 116 123", "href": "tel:116123" }]
// or { "intro": "…", "lines": [ …as above… ], "note": "…" }.
// Parsed with JSON.parse and shown as text; links only for harmless schemes.

import { h } from "./h.js";

const MAX_LINES = 20;
const MAX_TEXT = 400;
const LINK_SCHEMES = new Set(["https:", "tel:", "sms:", "mailto:"]);

/** Validates the attribute value; throws an Error naming what is wrong. */
export function parseCrisisResources(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("crisis-resources: not valid JSON");
  }
  const spec = Array.isArray(json) ? { lines: json } : json;
  if (!spec || typeof spec !== "object" || !Array.isArray(spec.lines)) {
    throw new Error("crisis-resources: expected an array of lines or an object with `lines`");
  }
  if (spec.lines.length === 0 || spec.lines.length > MAX_LINES) {
    throw new Error(`crisis-resources.lines: expected 1 to ${MAX_LINES} lines`);
  }
  const lines = spec.lines.map((line, i) => {
    const entry = typeof line === "string" ? { text: line } : line;
    if (!entry || typeof entry !== "object") throw new Error(`crisis-resources.lines[${i}]: expected a string or { text, href }`);
    return { text: textOf(entry.text, `lines[${i}].text`), href: hrefOf(entry.href, `lines[${i}].href`) };
  });
  return {
    intro: spec.intro === undefined ? null : textOf(spec.intro, "intro"),
    lines,
    note: spec.note === undefined ? null : textOf(spec.note, "note"),
  };
}

/** The parsed list as elements (text nodes only, links with a checked scheme). */
export function renderCrisisResources(spec) {
  return [
    spec.intro ? h("p", {}, spec.intro) : null,
    h("ul", { class: "lines host-lines" }, spec.lines.map(({ text, href }) =>
      h("li", {}, href ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, text) : text))),
    spec.note ? h("p", {}, spec.note) : null,
  ];
}

function textOf(value, field) {
  if (typeof value !== "string" || !value.trim()) throw new Error(`crisis-resources.${field}: expected text`);
  if (value.length > MAX_TEXT) throw new Error(`crisis-resources.${field}: longer than ${MAX_TEXT} characters`);
  return value.trim();
}

function hrefOf(value, field) {
  if (value === undefined || value === null) return null;
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new Error(`crisis-resources.${field}: not an absolute URL`);
  }
  // No javascript:, data: or http: links can reach a person in distress.
  if (!LINK_SCHEMES.has(url.protocol)) throw new Error(`crisis-resources.${field}: only https:, tel:, sms: and mailto: links`);
  return url.href;
}
