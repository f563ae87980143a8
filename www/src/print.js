// The printable summary: one page about what would need to change, to take to
// a talk with a manager or a doctor. It holds only what the person ticked
// (nothing optional by default); on screen it is hidden, on paper it replaces
// the view it belongs to (see the print rules in styles.js).

import { h } from "./h.js";
import { trendChart, trendPoints, trendValues } from "./charts.js";
import { formatDate, localDate, score } from "./dates.js";
import { translate } from "./i18n.js";
import { whenIdle } from "./idle.js";

const INDICES = ["strain", "wear", "load", "mismatch", "compensation"];
const OPTIONS = [
  ["scores", "print_scores"],
  ["details", "print_details"],
  ["history", "print_history"],
  ["notes", "print_notes"],
];
// Enough to see a pattern; more would not fit one page.
const MAX_EVENTS = 5;
const MAX_NOTE = 160;
const MAX_EVENT_NOTE = 90;

/**
 * The print button, its options dialog and the summary itself. `base` is the
 * check the summary is about: `{ result, explanation, next_steps, form, date,
 * note, latest }`, or a function that gives it (it may throw), called only
 * when the summary is first built: while idle after the view is shown, when
 * the options open, or when the page is about to print, whichever comes first.
 * Returns `{ button, nodes }`: place the button, append the nodes to the view's section.
 */
export function printSummary(app, base, preloaded = null) {
  const t = (k, v) => app._t(k, v);
  // Read only when the dialog opens: the result appears without loading the whole
  // history first, and the history view hands over what it already loaded.
  let history = preloaded;
  const getHistory = () => (history ??= loadHistory(app));
  const chosen = { scores: false, details: false, history: false, notes: false };
  let check = typeof base === "function" ? null : base;
  let failed = false;
  const getBase = () => {
    if (check || failed) return check;
    try {
      check = base();
    } catch {
      failed = true; // said on the summary instead
    }
    return check;
  };
  const build = (withHistory) => {
    const about = getBase();
    return about
      ? buildSummary(app, about, withHistory ? getHistory() : null, chosen)
      : h("div", { class: "print-summary", part: "print-summary" }, h("p", {}, t("summary_failed")));
  };

  let summary;
  // `shownOnly`: not for a view no longer on screen (re-rendered meanwhile).
  const ensureBuilt = (shownOnly = false) => {
    unbuilt.delete(ensureBuilt);
    if (summary.hasChildNodes() || (shownOnly && !summary.isConnected)) return;
    const next = build(false);
    summary.replaceWith(next);
    summary = next;
  };
  if (check) summary = build(false);
  else {
    summary = h("div", { class: "print-summary", part: "print-summary" });
    unbuilt.add(ensureBuilt);
    listenForPrinting();
    whenIdle(() => ensureBuilt(true));
  }
  // The options dialog is built when first opened: the result appears without it.
  let dialog = null;
  let offer = null;
  const open = () => {
    ensureBuilt();
    if (!dialog) {
      ({ dialog, offer } = optionsDialog());
      summary.before(dialog);
    }
    offer();
    dialog.returnValue = "";
    dialog.showModal();
  };
  const optionsDialog = () => {
    const choices = h("div", { class: "choices" });
    const offer = () => choices.replaceChildren(...OPTIONS
      .filter(([name]) => name !== "history" || getHistory().points.length >= 2)
      .map(([name, key]) => h("label", {}, h("input", { type: "checkbox", name, checked: chosen[name] }), h("span", {}, t(key)))));
    const form = h("form", { method: "dialog" },
      h("fieldset", {},
        h("legend", {}, t("print_include")),
        choices),
      h("p", { class: "muted" }, t("print_always")),
      h("div", { class: "actions" },
        h("button", { value: "cancel" }, t("cancel")),
        h("button", { value: "print", class: "primary push" }, t("print_go"))),
    );
    const built = h("dialog", { class: "print-dialog", part: "print-dialog", "aria-labelledby": "bc-print-title" },
      h("h3", { id: "bc-print-title" }, t("print_title")),
      h("p", {}, t("print_intro")),
      form,
    );
    built.addEventListener("close", () => {
      const boxes = [...form.querySelectorAll('input[type="checkbox"]')];
      if (built.returnValue !== "print") {
        for (const box of boxes) box.checked = chosen[box.name]; // cancelled: the last choice stands
        return;
      }
      for (const box of boxes) chosen[box.name] = box.checked;
      const next = build(chosen.history);
      summary.replaceWith(next);
      summary = next;
      window.print();
    });
    return { dialog: built, offer };
  };
  const button = h("button", {
    type: "button", class: "print-button", "aria-haspopup": "dialog",
    onclick: open,
  }, t("print"));
  return { button, nodes: [summary] };
}

/**
 * Summaries on screen not built yet. The browser's own print command prints one
 * too (on paper it replaces its view), so each is built before the page prints,
 * should that come before the idle moment.
 */
const unbuilt = new Set();
let listening = false;
function listenForPrinting() {
  if (listening) return;
  listening = true;
  const buildAll = () => unbuilt.forEach((ensureBuilt) => ensureBuilt(true));
  window.addEventListener("beforeprint", buildAll);
  matchMedia("print").addEventListener("change", (e) => e.matches && buildAll());
}

/**
 * The summary from the history view, about the latest check: `latest` is its
 * id (null without checks: then there is no summary), and `fetch(id)` gives
 * the check whole, called only when the summary is built.
 */
export function printHistorySummary(app, latest, fetch, history = null) {
  if (latest === null) return null;
  return printSummary(app, () => {
    const entry = fetch(latest);
    if (!entry?.result) throw new Error("gone"); // deleted meanwhile (in another tab)
    let texts = { explanation: "", next_steps: [] };
    try {
      texts = app._core.describe({ result: entry.result, context: entry.context ?? {}, locale: app.coreLocale });
    } catch {
      // the summary can go without the core's texts
    }
    return { result: entry.result, explanation: texts.explanation, next_steps: texts.next_steps, form: entry.form, date: entry.date, note: entry.note, latest: true };
  }, history);
}

/** The stored history as the summary needs it; empty when storage cannot be read. */
function loadHistory(app) {
  const today = localDate();
  try {
    const data = app._store.overview(); // dates and strain are all the chart needs
    const analysis = app._store.analyze(today, app.coreLocale);
    return { points: trendPoints(data.entries, today), events: data.events, analysis };
  } catch {
    return { points: [], events: [], analysis: null };
  }
}

function buildSummary(app, base, history, chosen) {
  const locale = app.locale;
  const t = (k, v) => translate(locale, k, v);
  const date = (iso) => formatDate(iso, locale);
  const res = base.result;
  const include = Object.keys(chosen).filter((k) => chosen[k]);
  const clip = (text, max = MAX_NOTE) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

  const scores = chosen.scores
    ? [h("h4", {}, t("summary_scores")),
       h("table", { class: "summary-scores" },
         h("tbody", {}, INDICES.map((id) =>
           h("tr", {},
             h("th", { scope: "row" }, t(`index_${id}`)),
             h("td", { class: "num" }, typeof res.indices?.[id] === "number" ? score(res.indices[id], locale) : t("not_asked"))))))]
    : null;

  const details = chosen.details
    ? [h("h4", {}, t("summary_details")),
       base.explanation ? h("p", { class: "summary-explanation" }, base.explanation) : null,
       res.flags?.length ? h("ul", { class: "summary-flags" }, res.flags.map((f) => h("li", {}, t(`flag_${f}`)))) : null]
    : null;

  const note = chosen.notes && base.note ? h("p", { class: "summary-note" }, t("summary_my_note", { note: clip(base.note) })) : null;

  return h("div", { class: "print-summary", part: "print-summary", "data-include": include.join(" ") },
    h("h3", { class: "summary-title" }, t("summary_title")),
    h("p", { class: "summary-for" }, t("summary_for")),
    h("p", { class: "summary-when" }, t(base.latest ? "summary_latest" : "summary_check", { date: formatDate(base.date, locale, "long"), form: t(`form_${base.form}`) })),
    h("p", { class: "summary-profile" }, t(`profile_${res.profile}`)),
    h("p", { class: "summary-frame" }, t(`summary_frame_${res.profile}`)),
    // On paper this part runs in two columns, so a full summary still fits one page.
    h("div", { class: "summary-body" },
      h("h4", {}, t("summary_areas")),
      res.top_areas?.length
        ? h("ul", { class: "summary-areas" }, res.top_areas.map((a) => h("li", {}, t(`area_${a}`))))
        : h("p", {}, t("summary_no_areas")),
      base.next_steps?.length
        ? [h("h4", {}, t("summary_steps")), h("ol", { class: "summary-steps" }, base.next_steps.map((s) => h("li", {}, s)))]
        : null,
      note,
      scores,
      details),
    chosen.history ? overTime(app, history, chosen.notes, clip, date) : null,
    h("div", { class: "summary-talk" },
      h("div", {}, h("h4", {}, t("summary_talk")), h("ul", { class: "summary-prompts" }, t("summary_prompts").map((p) => h("li", {}, p)))),
      h("div", { class: "notes-space" }, t("summary_notes_space"))),
    h("p", { class: "summary-disclaimer" }, t("disclaimer")),
  );
}

/** Strain over time: the chart, the trend in words, and the latest events with what followed. */
function overTime(app, history, withNotes, clip, date) {
  const locale = app.locale;
  const t = (k, v) => translate(locale, k, v);
  const { points, events, analysis } = history;
  const trend = analysis?.trend;
  const lines = [];
  if (typeof trend?.change === "number") {
    lines.push(t("trend_change", { change: signed(trend.change, locale) }));
    lines.push(trend.reliable ? t(trend.direction === "up" ? "trend_reliable_up" : "trend_reliable_down") : t("trend_not_reliable"));
  }
  if (trend?.slow_rise) lines.push(t("slow_rise"));
  if (analysis?.high_since) lines.push(t("high_since", { date: date(analysis.high_since) }));

  const rests = [...(analysis?.rest ?? [])];
  const when = (ev) => (ev.kind === "rest" ? ev.start : ev.date);
  const sorted = [...events].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0));
  const shown = sorted.slice(-MAX_EVENTS);
  const eventLine = (ev) => {
    if (ev.kind === "rest") {
      const a = rests.find((r) => r.start === ev.start && r.end === ev.end);
      return h("li", {},
        t("rest_item", { start: date(ev.start), end: date(ev.end), type: t(`rest_type_${ev.type}`) }),
        a ? `: ${t(`rest_state_${a.state}`)}` : null,
        withNotes && ev.note ? h("span", { class: "summary-event-note" }, ` (${clip(ev.note, MAX_EVENT_NOTE)})`) : null);
    }
    return h("li", {},
      t("change_item", { what: t(`change_what_${ev.what}`), date: date(ev.date) }),
      withNotes && ev.note ? h("span", { class: "summary-event-note" }, ` (${clip(ev.note, MAX_EVENT_NOTE)})`) : null);
  };

  return [
    h("h4", {}, t("summary_history")),
    h("div", { class: "summary-trend-row" }, trendChart(points, {
      title: t("trend_title"),
      description: t("trend_chart_label", { values: trendValues(points, { formatDate: date, locale, latest: (v, n, total) => t("trend_values_latest", { values: v, n, total: score(total, locale) }) }) }),
      bandLabel: (b) => t(`band_${b}`),
      reliable: !!trend?.reliable,
      reliableLabel: t("reliable_mark"),
      rests: events.filter((e) => e.kind === "rest"),
      formatDate: date,
      locale,
    }),
    lines.length ? h("ul", { class: "summary-trend" }, lines.map((l) => h("li", {}, l))) : null),
    shown.length ? h("ul", { class: "summary-events" }, shown.map(eventLine)) : null,
    sorted.length > shown.length ? h("p", { class: "muted" }, t("summary_more_events", { n: sorted.length - shown.length })) : null,
  ];
}

/** A change in points with its sign, written for `locale` ("+5", "−3", "0"). */
export function signed(value, locale) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(Math.round(value));
}
