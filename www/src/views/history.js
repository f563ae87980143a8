// The history: past results newest first, the strain trend with its bands,
// logged time off and changes with what the core reads from them, and the
// person's data in their hands (export, import, delete).

import { h } from "../h.js";
import { TREND_WIDTH, trendChart, trendPoints, trendValues } from "../charts.js";
import { formatDate, localDate, score } from "../dates.js";
import { download } from "../download.js";
import { printHistorySummary, signed } from "../print.js";
import { forgetLanguage } from "../prefs.js";

const REST_TYPES = ["vacation", "weekend", "leave", "other"];
/** The core refuses larger imports too; checked here first so a huge file is never read into memory. */
const MAX_IMPORT_MB = 5;
const CHANGE_WHATS = ["role", "manager", "team", "hours", "workplace", "other"];
/**
 * Rows of the entries table shown at first and added by each "show more": a
 * history of 2,000 checks would otherwise build 2,000 rows (seconds on a phone).
 * More than a laptop screen holds beside the chart; each row more is layout the
 * person waits for when the view opens.
 */
const PAGE = 20;
/** `overview()`'s entries (columns) when it could not be read. */
const NO_ENTRIES = { id: [], at: [], date: [], form: [], saved: [], profile: [], strain: [], top_areas: [] };

/**
 * The record an unreadable item is of, `{ id, line }`: the id in its record key
 * (`<ns>:e:<id>`, `<ns>:entry:<id>`, `<ns>:event:<id>`), or, with `line` true,
 * for a pack's damaged line (`<ns>:p:<first id>`, lines `<id> <record>`) the id
 * the line still starts with; `id` null when neither names one.
 */
function recordOf({ key, raw }, namespace) {
  const rest = key.startsWith(`${namespace}:`) ? key.slice(namespace.length + 1) : "";
  if (/^p:e[A-Za-z0-9_-]+$/.test(rest)) return { id: /^(e[A-Za-z0-9_-]+) /.exec(raw)?.[1] ?? null, line: true };
  return { id: /^(?:e|entry|event):([A-Za-z0-9_-]+)$/.exec(rest)?.[1] ?? null, line: false };
}

export function renderHistory(app) {
  const t = (k, v) => app._t(k, v);
  const locale = app.locale;
  const date = (iso) => formatDate(iso, locale);
  const store = app._store;
  const today = localDate();

  let status = null;
  let data = { entries: NO_ENTRIES, events: [], unreadable: [] };
  let analysis = null;
  const problems = [];
  try {
    status = store.status();
    // The entries cut to what this view shows, in columns (a tenth of the text
    // for a long history); a row's whole entry is fetched when it is opened.
    data = store.overview();
    analysis = store.analyze(today, app.coreLocale);
  } catch (e) {
    problems.push(h("p", { class: "error", role: "alert" }, t("action_failed", { message: e.message })));
  }

  // The entries, oldest first: entry `i` is place `i` of every column.
  const cols = data.entries;
  const count = cols.id.length;

  const flash = app._flash;
  app._flash = null;
  // Rows already opened stay open when this view re-renders itself (a delete, an event added).
  const keep = app._historyKeep;
  app._historyKeep = false;
  let shown = keep ? Math.max(PAGE, app._historyShown ?? PAGE) : PAGE;
  const rerender = (message) => {
    app._flash = message ?? null;
    app._historyKeep = !message; // an import or a failure starts again from the newest
    app._historyShown = shown;
    app._go("history", { focus: false });
    app.shadowRoot.querySelector(message ? ".flash" : "h2")?.focus();
  };
  const showEntry = (id) => {
    let entry = null;
    try {
      entry = store.entry(id);
    } catch (e) {
      rerender({ text: t("action_failed", { message: e.message }), error: true });
      return;
    }
    if (entry) app._showEntry(entry);
    else rerender(); // gone meanwhile (another tab deleted it)
  };
  const attempt = (fn) => {
    try {
      fn();
      return true;
    } catch (e) {
      rerender({ text: t("action_failed", { message: e.message }), error: true });
      return false;
    }
  };

  // ---- notices ----
  const notices = [];
  if (status && !status.persistent) notices.push(h("p", { class: "notice" }, t("not_persistent", { reason: status.reason ?? "" })));
  else if (status?.read_only) notices.push(h("p", { class: "notice" }, t("read_only", { reason: status.reason ?? "" })));
  if (data.unreadable?.length) {
    // Each one named, so the person knows what the raw export below keeps; a
    // record's own key, or a pack's line that still names its check, can be
    // deleted alone (an older layout's shared key cannot: it still holds readable
    // entries; nor can one whose id a readable check has, which would go with it).
    const deleteUnreadable = async (id) => {
      if (await app._confirm(t("confirm_delete_unreadable"), t("delete"))) attempt(() => store.remove(id)) && rerender();
    };
    notices.push(h("div", { class: "notice unreadable" },
      h("p", {}, t("unreadable", { n: data.unreadable.length })),
      h("ul", {}, data.unreadable.map((u) => {
        const record = recordOf(u, app.namespace);
        const found = status?.read_only ? null : record.id;
        const id = found && !cols.id.includes(found) ? found : null;
        // A pack's lines share its key: each is named by the check it was too.
        const name = found && record.line ? `${u.key} (${found})` : u.key;
        return h("li", { "data-key": u.key }, t("unreadable_item", { key: name, error: u.error }),
          id ? [" ", h("button", { type: "button", class: "small danger delete-unreadable", "aria-label": t("delete_unreadable_label", { key: name }),
            onclick: () => deleteUnreadable(id) }, t("delete"))] : null);
      }))));
  }
  if (app._persistence) notices.push(h("p", { class: "muted persistence", "data-outcome": app._persistence }, t(`persist_${app._persistence}`)));

  // ---- trend ----
  const points = trendPoints(cols, today);
  const rests = data.events.filter((e) => e.kind === "rest");
  const trend = analysis?.trend;
  const trendNodes = [];
  if (points.length) {
    const values = trendValues(points, { formatDate: date, locale, latest: (v, n, total) => t("trend_values_latest", { values: v, n, total: score(total, locale) }) });
    trendNodes.push(
      h("h3", {}, t("trend_title")),
      trendChart(points, {
        title: t("trend_title"),
        description: t("trend_chart_label", { values }),
        bandLabel: (b) => t(`band_${b}`),
        reliable: !!trend?.reliable,
        reliableLabel: t("reliable_mark"),
        rests,
        formatDate: date,
        locale,
        width: app._chartWidth(TREND_WIDTH),
      }),
    );
    const summary = [];
    if (typeof trend?.change === "number") {
      summary.push(t("trend_change", { change: signed(trend.change, locale) }));
      summary.push(trend.reliable ? t(trend.direction === "up" ? "trend_reliable_up" : "trend_reliable_down") : t("trend_not_reliable"));
    }
    if (trend?.slow_rise) summary.push(t("slow_rise"));
    if (analysis?.high_since) summary.push(t("high_since", { date: date(analysis.high_since) }));
    if (summary.length) trendNodes.push(h("ul", { class: "trend-summary" }, summary.map((s) => h("li", {}, s))));
  }

  // ---- entries, newest first ----
  // Row `k` of the table is entry `count - 1 - k`; rows `from` to `to`, not included.
  const entryRows = (from, to) => {
    const rows = [];
    for (let k = from; k < to; k++) {
      const i = count - 1 - k;
      const id = cols.id[i];
      const day = date(cols.date[i]);
      rows.push(h("tr", { "data-entry": id },
        h("td", {}, day, cols.saved[i] === false ? h("span", { class: "badge" }, t("unsaved_badge")) : null),
        h("td", { "data-label": t("col_form") }, t(`form_${cols.form[i]}`)),
        h("td", { class: "profile", "data-label": t("col_profile") }, t(`profile_${cols.profile[i]}`)),
        h("td", { class: "num", "data-label": t("col_strain") }, score(cols.strain[i], locale)),
        h("td", { class: "row-actions" },
          h("button", { type: "button", class: "small", "aria-label": t("show_label", { date: day }), onclick: () => showEntry(id) }, t("show")),
          h("button", { type: "button", class: "small danger", "aria-label": t("delete_label", { date: day }),
            onclick: () => attempt(() => store.remove(id)) && rerender() }, t("delete")))));
    }
    return rows;
  };
  shown = Math.min(shown, count);
  const tbody = h("tbody", {}, entryRows(0, shown));
  // Older rows are added in place, so focus and scroll stay where the person is.
  const moreStatus = h("p", { class: "muted entries-shown" });
  const moreButton = h("button", { type: "button", class: "small show-more", onclick: () => showMore() });
  const paging = h("div", { class: "entries-more" }, moreStatus, moreButton);
  const updatePaging = () => {
    paging.hidden = shown >= count;
    moreStatus.textContent = t("entries_shown", { shown: score(shown, locale), total: score(count, locale) });
    moreButton.textContent = t("show_more", { n: score(Math.min(PAGE, count - shown), locale) });
  };
  const showMore = () => {
    const to = Math.min(count, shown + PAGE);
    tbody.append(...entryRows(shown, to));
    shown = to;
    updatePaging();
    if (shown >= count) tbody.lastElementChild?.querySelector("button")?.focus(); // the button is gone
  };
  updatePaging();
  const entryTable = count
    ? [h("table", { class: "entries", part: "entries" },
        h("thead", {}, h("tr", {},
          ["col_date", "col_form", "col_profile"].map((k) => h("th", { scope: "col" }, t(k))),
          h("th", { scope: "col", class: "num" }, t("col_strain")),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("col_actions"))))),
        tbody),
       paging]
    : [h("p", { class: "empty" }, t("history_empty")),
       // Storage can be emptied by the browser; an export brings the history back.
       status?.read_only ? null : h("p", { class: "restore" }, t("restore_hint"), " ",
         h("button", { type: "button", class: "small restore-import", onclick: () => importInput.click() }, t("restore_button")))];

  // ---- events ----
  const restAnalyses = [...(analysis?.rest ?? [])];
  const changeAnalyses = [...(analysis?.changes ?? [])];
  const take = (list, match) => {
    const i = list.findIndex(match);
    return i < 0 ? null : list.splice(i, 1)[0];
  };
  const eventItem = (ev) => {
    const del = h("button", { type: "button", class: "small danger", "aria-label": t("delete_event_label"),
      onclick: () => attempt(() => store.remove(ev.id)) && rerender() }, t("delete"));
    if (ev.kind === "rest") {
      const a = take(restAnalyses, (r) => r.start === ev.start && r.end === ev.end);
      return h("li", { class: "event rest", "data-event": ev.id, "data-state": a?.state ?? "" },
        h("div", { class: "event-head" },
          h("strong", {}, t("rest_item", { start: date(ev.start), end: date(ev.end), type: t(`rest_type_${ev.type}`) })), del),
        ev.note ? h("p", { class: "muted" }, ev.note) : null,
        a ? [
          h("p", { class: "state" }, t(`rest_state_${a.state}`)),
          a.explanation ? h("p", {}, a.explanation) : null,
          a.state === "pending" && a.next_check ? h("p", { class: "next-check" }, t("check_again", { date: date(a.next_check) })) : null,
        ] : null);
    }
    const a = take(changeAnalyses, (c) => c.date === ev.date && c.what === ev.what);
    // The areas the nearest saved check on each side named (read from the entries, not recomputed).
    const before = cols.date.findLastIndex((d) => d < ev.date);
    const after = cols.date.findIndex((d) => d >= ev.date);
    // An entry's top areas are one string of ids, separated by spaces.
    const areaList = (i) => (cols.top_areas[i] ? cols.top_areas[i].split(" ").map((id) => t(`area_${id}`)).join(", ") : t("no_areas"));
    return h("li", { class: "event change", "data-event": ev.id },
      h("div", { class: "event-head" },
        h("strong", {}, t("change_item", { what: t(`change_what_${ev.what}`), date: date(ev.date) })), del),
      ev.note ? h("p", { class: "muted" }, ev.note) : null,
      a && (a.strain_before !== null || a.strain_after !== null)
        ? h("p", {}, t("change_strain", { before: score(a.strain_before, locale), after: score(a.strain_after, locale) }))
        : null,
      before >= 0 || after >= 0
        ? h("p", { class: "change-areas" }, t("change_areas", { before: before >= 0 ? areaList(before) : "–", after: after >= 0 ? areaList(after) : "–" }))
        : null);
  };

  const eventError = h("p", { class: "error", role: "alert", hidden: true });
  const addEvent = (event, build) => {
    event.preventDefault();
    const fields = new FormData(event.target);
    const request = build(fields);
    const note = String(fields.get("note") ?? "").trim();
    if (note) request.note = note;
    try {
      store.addEvent(request);
    } catch (e) {
      eventError.textContent = e.message;
      eventError.hidden = false;
      return;
    }
    rerender();
  };
  const select = (name, ids, prefix) =>
    h("select", { name, id: `bc-${name}` }, ids.map((id) => h("option", { value: id }, t(`${prefix}${id}`))));
  const field = (labelKey, control, forId) => h("div", { class: "field" }, h("label", { for: forId }, t(labelKey)), control);

  const restForm = h("form", { class: "rest-form", onsubmit: (e) => addEvent(e, (f) => ({ kind: "rest", start: f.get("start"), end: f.get("end"), type: f.get("type") })) },
    h("fieldset", {},
      h("legend", {}, t("rest_legend")),
      field("rest_start", h("input", { type: "date", name: "start", id: "bc-rest-start", required: true, value: today }), "bc-rest-start"),
      field("rest_end", h("input", { type: "date", name: "end", id: "bc-rest-end", required: true, value: today }), "bc-rest-end"),
      field("rest_type", select("type", REST_TYPES, "rest_type_"), "bc-type"),
      field("event_note", h("input", { type: "text", name: "note", id: "bc-rest-note", maxlength: 500, autocomplete: "off" }), "bc-rest-note"),
      h("button", { type: "submit" }, t("add"))));
  const changeForm = h("form", { class: "change-form", onsubmit: (e) => addEvent(e, (f) => ({ kind: "change", date: f.get("date"), what: f.get("what") })) },
    h("fieldset", {},
      h("legend", {}, t("change_legend")),
      field("change_date", h("input", { type: "date", name: "date", id: "bc-change-date", required: true, value: today }), "bc-change-date"),
      field("change_what", select("what", CHANGE_WHATS, "change_what_"), "bc-what"),
      field("event_note", h("input", { type: "text", name: "note", id: "bc-change-note", maxlength: 500, autocomplete: "off" }), "bc-change-note"),
      h("button", { type: "submit" }, t("add"))));

  // ---- data ----
  const importInput = h("input", {
    type: "file", accept: ".json,application/json", class: "import-file", hidden: true,
    // Its file dialog is opening: the seconds a person takes to pick a file warm the core's import code.
    onclick: () => app._warmImport(),
    onchange: async (event) => {
      const file = event.target.files?.[0];
      if (!file) return;
      if (file.size > MAX_IMPORT_MB * 1024 * 1024) {
        rerender({ text: t("import_failed", { message: t("import_too_large", { mb: MAX_IMPORT_MB }) }), error: true });
        return;
      }
      try {
        const r = store.importJson(new Uint8Array(await file.arrayBuffer())); // bytes: no decoding into a JS string
        rerender({ text: t("import_done", { entries: r.entries_added, events: r.events_added, skipped: r.skipped }) });
      } catch (e) {
        rerender({ text: t("import_failed", { message: e.message }), error: true });
      }
    },
  });
  const deleteAll = async () => {
    if (await app._confirm(t("confirm_delete_all"), t("delete_all"))) {
      // "Everything" includes the remembered language, which lives beside the history.
      attempt(() => { store.clear(); forgetLanguage(app.namespace); }) && rerender();
    }
  };

  // The summary is about the latest check, so only that one is fetched whole, and
  // only once the view is shown (print.js).
  let latest = -1;
  for (let i = 0; i < count; i++) {
    if (latest < 0 || cols.date[i] > cols.date[latest] || (cols.date[i] === cols.date[latest] && cols.at[i] >= cols.at[latest])) latest = i;
  }
  const printer = printHistorySummary(app, latest < 0 ? null : cols.id[latest], (id) => store.entry(id), { points, events: data.events, analysis });

  return h("section", { class: "history", part: "history" },
    h("h2", { tabindex: -1 }, t("history_title")),
    flash ? h("p", { class: `flash ${flash.error ? "error" : "notice"}`, role: flash.error ? "alert" : "status", tabindex: -1 }, flash.text) : null,
    problems,
    notices,
    trendNodes,
    entryTable,
    // The parts below the entries are laid out only once scrolled near (styles.js, `.later`):
    // the view opens at its top, and the forms' layout was a third of its own.
    h("div", { class: "later history-events" },
      h("h3", {}, t("events_title")),
      h("p", { class: "muted" }, t("events_intro")),
      data.events.length ? h("ul", { class: "events", part: "events" }, data.events.map(eventItem)) : null,
      eventError,
      h("div", { class: "event-forms" }, restForm, changeForm)),
    h("div", { class: "later history-data" },
      h("h3", {}, t("data_title")),
      h("div", { class: "actions data-actions" },
      printer?.button,
      h("button", { type: "button", class: "export-json", onclick: () => app._exportJson() }, t("export_json")),
      h("button", { type: "button", class: "export-csv", onclick: () => download(`burnout-check-${today}.csv`, store.exportCsv(), "text/csv") }, t("export_csv")),
      data.unreadable?.length
        ? h("button", { type: "button", class: "export-raw", onclick: () => download(`burnout-check-raw-${today}.json`, store.exportRaw(), "application/json") }, t("export_raw"))
        : null,
      importInput,
      h("button", { type: "button", class: "import-json", onclick: () => importInput.click() }, t("import_json")),
      h("button", { type: "button", class: "danger push delete-all", onclick: deleteAll }, t("delete_all")),
    )),
    printer?.nodes,
  );
}
