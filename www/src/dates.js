// Calendar dates as the person sees them: the local clock, never UTC.

const pad = (n) => String(n).padStart(2, "0");

/** Today (or `d`) as YYYY-MM-DD in the local time zone; toISOString would give the UTC date. */
export function localDate(d = new Date()) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Day number of a YYYY-MM-DD date (days since 1970-01-01), for chart axes. */
export function dayNumber(iso) {
  // Sliced, not split and mapped: a chart of 2,000 readings asks 2,000 times.
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000);
}

/** A YYYY-MM-DD date written for people in `locale`. Formatted in UTC so the day cannot shift. */
export function formatDate(iso, locale, style = "medium") {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return String(iso ?? "");
  const [y, m, d] = iso.split("-").map(Number);
  // Making a DateTimeFormat costs far more than using one; a history of 2,000 checks formats thousands of dates.
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

const dateFormats = new Map();
const numberFormats = new Map();

/** A 0..100 score for display in `locale` (through Intl): rounded, or a dash when it could not be computed. */
export function score(value, locale = "en") {
  if (typeof value !== "number" || !Number.isFinite(value)) return "–";
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * Makes the formats a result needs ahead of time: the first Intl formatter of a
 * locale loads its data, which on a slow phone takes longer than the rest of
 * showing the result. Called when the browser is idle, never on the way to a screen.
 */
export function warmFormats(locale) {
  score(0, locale);
  formatDate("2000-01-01", locale, "long");
  formatDate("2000-01-01", locale);
}
