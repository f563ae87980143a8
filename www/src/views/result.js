// The result: the profile named, the core's explanation and next steps, the
// five indices as a chart and a table, the areas to look at first, the flags,
// support first when needed, and what this result is not.

import { h } from "../h.js";
import { INDICES_WIDTH, indicesChart } from "../charts.js";
import { formatDate, score } from "../dates.js";
import { printSummary } from "../print.js";
import { translate } from "../i18n.js";

const INDICES = ["strain", "wear", "load", "mismatch", "compensation"];

export function renderResult(app) {
  const r = app._result;
  const res = r.result;
  // The locale once, not once per text (`app._t` looks it up each time).
  const locale = app.locale;
  const t = (k, v) => translate(locale, k, v);
  const flags = res.flags ?? [];
  const strain = res.indices?.strain;
  let status = null;
  try {
    status = app._store.status();
  } catch {
    status = null;
  }

  const indexName = (id) => t(`index_${id}`);
  const values = INDICES.map((id) => `${indexName(id)} ${typeof res.indices?.[id] === "number" ? score(res.indices[id], locale) : t("not_asked")}`).join(", ");

  const notices = [];
  if (r.saveError) {
    notices.push(h("p", { class: "notice", role: "status" }, t("not_saved", { reason: r.saveError.message })));
  } else if (status && !status.persistent) {
    notices.push(h("p", { class: "notice" }, t("not_persistent", { reason: status.reason ?? "" })));
  }
  const offerExport = !!r.saveError || (status && !status.persistent);

  const printer = printSummary(app, { ...r, result: res, note: r.note ?? null });

  return h("section", { class: "result", part: "result" },
    flags.includes("seek_support")
      ? h("aside", { class: "support", part: "support", "aria-labelledby": "bc-support-title" },
          h("h3", { id: "bc-support-title" }, t("support_title")),
          h("p", {}, t("flag_seek_support")),
          app._crisisContent({ inDialog: false }))
      : null,
    h("h2", { tabindex: -1 }, t("result_title")),
    h("p", { class: "muted" }, t("result_of", { date: formatDate(r.date, locale, "long") })),
    h("p", { class: "profile-title", part: "profile", "data-profile": res.profile }, t(`profile_${res.profile}`)),
    h("p", { class: "strain-line" },
      typeof strain === "number" && res.band
        ? t("strain_line", { value: score(strain, locale), band: t(`band_${res.band}`) })
        : t("strain_missing")),
    h("p", { class: "explanation" }, r.explanation),
    r.next_steps?.length
      ? [h("h3", {}, t("next_steps_title")), h("ol", { class: "next-steps" }, r.next_steps.map((s) => h("li", {}, s)))]
      : null,
    res.top_areas?.length
      ? [h("h3", {}, t("areas_title")),
         h("ol", { class: "areas" }, res.top_areas.map((a) => h("li", {}, `${t(`area_${a}`)} (${score(res.constructs?.[a], locale)})`)))]
      : null,
    flags.length
      ? [h("h3", {}, t("flags_title")), h("ul", { class: "flags" }, flags.map((f) => h("li", { "data-flag": f }, t(`flag_${f}`))))]
      : null,
    h("h3", {}, t("indices_title")),
    indicesChart(res.indices, {
      title: t("indices_title"),
      description: t("indices_chart_label", { values }),
      label: indexName,
      notAsked: t("not_asked"),
      locale,
      width: app._chartWidth(INDICES_WIDTH),
    }),
    h("details", { class: "table-alt" },
      h("summary", {}, `${t("table_index")} / ${t("table_value")}`),
      h("table", {},
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("table_index")), h("th", { scope: "col", class: "num" }, t("table_value")))),
        h("tbody", {}, INDICES.map((id) =>
          h("tr", {}, h("th", { scope: "row" }, indexName(id)),
            h("td", { class: "num" }, typeof res.indices?.[id] === "number" ? score(res.indices[id], locale) : t("not_asked"))))))),
    r.form === "quick" ? h("p", { class: "muted" }, t("quick_not_checked")) : null,
    notices,
    h("p", { class: "disclaimer", part: "disclaimer" }, t("disclaimer")),
    h("div", { class: "actions" },
      printer.button,
      offerExport ? h("button", { type: "button", onclick: () => app._exportJson() }, t("export_result")) : null,
      h("button", { type: "button", onclick: () => app._go("history") }, t("see_history")),
      h("button", { type: "button", class: "primary", onclick: () => { app._result = null; app._go("start"); } }, t("new_check")),
    ),
    printer.nodes,
  );
}

/**
 * Builds one made-up result and lays it out unseen, once, as soon as this module
 * has been loaded after the start screen (element.js), then throws it away: the
 * person's first result then runs code the browser has already compiled, with
 * fonts, text shaping and the chart's layout already warm, which on a slow phone
 * is about half of the time it takes to show it. Hidden (`visibility: hidden`,
 * `aria-hidden`, inert, no height) and removed in the same task, so it is never
 * painted, announced or focusable; nothing is stored.
 */
export function warmUp(app) {
  const main = app.shadowRoot?.querySelector("main");
  if (!main || app._view === "result") return;
  try {
    const result = {
      profile: "mismatch", band: "high", flags: ["masking", "seek_support"],
      indices: { strain: 62, wear: 55, load: 48, mismatch: 71, compensation: null },
      constructs: { values: 75, control: 66 }, top_areas: ["values", "control"],
    };
    const section = renderResult({
      _result: { result, explanation: app._t("start_intro"), next_steps: [app._t("start_privacy")], form: "full", date: "2000-01-01", context: {}, note: null, saveError: null },
      locale: app.locale,
      _t: (k, v) => app._t(k, v),
      _store: { status: () => ({ persistent: true }) },
      _crisisContent: (options) => app._crisisContent(options),
      _chartWidth: (max) => app._chartWidth(max),
    });
    section.removeAttribute("class"); // not a "section.result" for anyone looking
    section.removeAttribute("part");
    for (const el of section.querySelectorAll("[id]")) el.removeAttribute("id");
    const box = h("div", { class: "warm-up", "aria-hidden": "true", inert: true }, section);
    main.append(box);
    box.getBoundingClientRect(); // lays it out
    box.remove();
  } catch {
    // only a head start; the real result is built the usual way
  }
}
