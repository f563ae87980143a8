// Inline SVG charts that can be read without colour: every value is written as
// text, bands are labelled, and each chart has a title and a table elsewhere.

import { s } from "./h.js";
import { dayNumber, score } from "./dates.js";

const INDICES = ["strain", "wear", "load", "mismatch", "compensation"];
// The strain bands of MODEL.md, low to very high.
const BANDS = [
  { id: "low", from: 0, to: 40 },
  { id: "elevated", from: 40, to: 50 },
  { id: "high", from: 50, to: 70 },
  { id: "very_high", from: 70, to: 100 },
];

/** A trend of more readings than this is drawn as a line with only the latest point marked. */
export const MAX_MARKS = 50;

let nextId = 0;
const uid = (name) => `bc-${name}-${++nextId}`;

/** The widest each chart is drawn; narrower where the view has less room (`width`), so its text is not scaled down. */
export const INDICES_WIDTH = 420;
export const TREND_WIDTH = 640;

/** Horizontal bars for the five indices; `label(index)` names them, `notAsked` fills nulls. */
export function indicesChart(indices, { title, description, label, notAsked, locale, width = INDICES_WIDTH }) {
  const titleId = uid("title");
  const rowH = 34;
  const left = 130;
  const barW = width - left - 60;
  const height = INDICES.length * rowH + 28;
  const x = (v) => left + (v / 100) * barW;
  const rows = INDICES.map((index, i) => {
    const y = 8 + i * rowH;
    const v = indices?.[index];
    const known = typeof v === "number";
    return s("g", { class: `bar bar-${index}` },
      s("text", { x: left - 8, y: y + 17, "text-anchor": "end", class: "axis-label" }, label(index)),
      s("rect", { x: left, y: y + 4, width: barW, height: 18, class: "bar-track" }),
      known ? s("rect", { x: left, y: y + 4, width: Math.max(1, (v / 100) * barW), height: 18, class: "bar-fill" }) : null,
      s("text", { x: known ? x(v) + 6 : left + 6, y: y + 17, class: "value-label" }, known ? score(v, locale) : notAsked),
    );
  });
  const ticks = [0, 40, 50, 70, 100].map((t) =>
    s("g", { class: "tick" },
      s("line", { x1: x(t), x2: x(t), y1: 8, y2: height - 18, class: "grid" }),
      s("text", { x: x(t), y: height - 4, "text-anchor": "middle", class: "tick-label" }, String(t))),
  );
  return s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId, class: "chart indices-chart", part: "indices-chart" },
    s("title", { id: titleId }, `${title}. ${description}`),
    ticks,
    rows,
  );
}

/**
 * The trend's points, `{ date, strain }` oldest first, from `overview()`'s
 * entries (columns): each check with a strain, dated up to `today`.
 */
export function trendPoints(entries, today) {
  const points = [];
  for (let i = 0; i < entries.id.length; i++) {
    const strain = entries.strain[i];
    if (typeof strain === "number" && entries.date[i] <= today) points.push({ date: entries.date[i], strain });
  }
  return points;
}

/**
 * The values of a trend written out for its text alternative: every one, or past
 * MAX_MARKS the latest few, through `latest(values, n, total)`, since nobody listens to 2,000 values.
 */
export function trendValues(points, { formatDate, locale, latest }) {
  const write = (list) => list.map((p) => `${formatDate(p.date)}: ${score(p.strain, locale)}`).join("; ");
  if (points.length <= MAX_MARKS) return write(points);
  const recent = points.slice(-LATEST_VALUES);
  return latest(write(recent), recent.length, points.length);
}
const LATEST_VALUES = 12;

/**
 * Strain over time with the band areas. `points` are `{ date, strain }` oldest
 * first; `reliable` marks the latest pair as a change beyond noise; `rests`
 * are `{ start, end }` spans drawn behind the line.
 */
export function trendChart(points, { title, description, bandLabel, reliable, reliableLabel, rests = [], formatDate, locale, width = TREND_WIDTH }) {
  const titleId = uid("title");
  const patternId = uid("rest");
  const height = 260;
  const pad = { left: 36, right: 96, top: 34, bottom: 34 }; // room above 100 for value and mark labels
  // Plain loops over typed arrays: a history of 2,000 checks draws 2,000 points,
  // and the view draws them once, before the code is optimised.
  const n = points.length;
  const days = new Float64Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = (days[i] = dayNumber(points[i].date));
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (hi - lo < 14) { lo -= 7; hi += 7; } // a single week would stretch one day across the chart
  const x = (d) => pad.left + ((d - lo) / (hi - lo)) * (width - pad.left - pad.right);
  const y = (v) => pad.top + (1 - v / 100) * (height - pad.top - pad.bottom);
  const plotRight = width - pad.right;

  const bands = BANDS.map((b) =>
    s("g", { class: `band band-${b.id}` },
      s("rect", { x: pad.left, y: y(b.to), width: plotRight - pad.left, height: y(b.from) - y(b.to), class: "band-area" }),
      s("text", { x: plotRight + 6, y: (y(b.from) + y(b.to)) / 2 + 4, class: "band-label" }, bandLabel(b.id)),
    ),
  );
  const axis = [0, 40, 50, 70, 100].map((t) =>
    s("text", { x: pad.left - 6, y: y(t) + 4, "text-anchor": "end", class: "tick-label" }, String(t)),
  );
  const restSpans = rests
    .map((r) => ({ a: Math.max(lo, dayNumber(r.start)), b: Math.min(hi, dayNumber(r.end) + 1) }))
    .filter((r) => r.b > r.a)
    .map((r) => s("rect", { x: x(r.a), y: pad.top, width: Math.max(2, x(r.b) - x(r.a)), height: y(0) - pad.top, class: "rest-span", fill: `url(#${patternId})` }));
  const at = (i) => [x(days[i]), y(points[i].strain)];
  let line = null;
  if (n > 1) {
    let coords = "";
    for (let i = 0; i < n; i++) {
      const pair = `${Math.round(x(days[i]) * 10) / 10},${Math.round(y(points[i].strain) * 10) / 10}`;
      coords += i ? ` ${pair}` : pair;
    }
    line = s("polyline", { points: coords, class: "trend-line" });
  }
  const last = n - 1;
  let mark = null;
  if (reliable && n > 1) {
    const [[x0, y0], [x1, y1]] = [at(last - 1), at(last)];
    mark = s("g", { class: "reliable-mark" },
      s("line", { x1: x0, y1: y0, x2: x1, y2: y1, class: "reliable-line" }),
      s("text", { x: (x0 + x1) / 2, y: Math.max(12, Math.min(y0, y1) - 22), "text-anchor": "middle", class: "reliable-label" }, reliableLabel));
  }
  // Past MAX_MARKS the dots and labels would pile into a smear (and cost thousands of
  // elements): the line carries the shape and only the latest point is marked.
  const marked = n > MAX_MARKS ? [last] : points.map((p, i) => i);
  const dots = marked.map((i) => {
    const [cx, cy] = at(i);
    return s("g", { class: "point" },
      s("circle", { cx, cy, r: 4.5, class: "trend-dot" }),
      s("text", { x: cx, y: cy - 8, "text-anchor": "middle", class: "value-label" }, score(points[i].strain, locale)),
    );
  });
  const dateLabels = [0, last].filter((v, i, a) => a.indexOf(v) === i && points[v]).map((i) =>
    s("text", { x: at(i)[0], y: height - 10, "text-anchor": i === 0 && last > 0 ? "start" : "end", class: "tick-label" }, formatDate(points[i].date)),
  );
  return s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId, class: "chart trend-chart", part: "trend-chart" },
    s("title", { id: titleId }, `${title}. ${description}`),
    s("defs", {},
      s("pattern", { id: patternId, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        s("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "rest-hatch" }))),
    bands, axis, restSpans, line, mark, dots, dateLabels,
  );
}
