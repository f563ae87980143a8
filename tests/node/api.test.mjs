// The generated module from Node, as a host or a script would use it headless:
// initSync + questionnaire + assess + analyze, including the bad-input errors,
// and setTexts with each language's table (no text is built into the module).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, questionnaire, questionCount, assess, analyze, describe, setTexts, hasTexts } from "../../www/pkg/burnout_check.js";
import { QUESTION_COUNTS } from "../../www/pkg/forms.js";

initSync({ module: readFileSync(new URL("../../www/pkg/burnout_check_bg.wasm", import.meta.url)) });
const table = (locale) => readFileSync(new URL(`../../www/pkg/texts-${locale}.json`, import.meta.url), "utf8");

// First, before any table is loaded.
test("every language works once its table is loaded, and not before; counts and analyses need none", () => {
  for (const locale of ["en", "de", "es", "fr"]) assert.equal(hasTexts(locale), false, locale);
  const unavailable = (locale) => (e) =>
    e instanceof Error && e.kind === "unavailable" &&
    e.message === `locale: the texts for "${locale}" are not loaded; pass pkg/texts-${locale}.json to setTexts() first`;
  assert.throws(() => questionnaire({ form: "quick" }), unavailable("en"));
  assert.throws(() => questionnaire({ form: "quick", locale: "en" }), unavailable("en"));
  assert.throws(() => assess({ form: "quick", answers: {} }), unavailable("en"));
  // What needs no text works at once: the start screen's counts, and the history's analyses.
  assert.equal(questionCount("quick"), 9);
  assert.ok(questionCount("full") >= 30 && questionCount("full") <= 34);
  assert.throws(() => questionCount("long"), (e) => e.kind === "invalid" && e.message.startsWith("form: "));
  assert.equal(analyze({ readings: [{ at: "2026-03-02", strain: 62 }], events: [], today: "2026-03-02" }).high_since, "2026-03-02");

  assert.equal(setTexts(table("en")), "en");
  assert.equal(hasTexts("en"), true);
  assert.equal(questionnaire({ form: "quick" }).items[0].text, "I feel tired even after a good night's sleep.");
  assert.equal(questionCount("full"), questionnaire({ form: "full" }).items.length);
  // The start screen's counts (pkg/forms.js, written by the build so it shows before the core) are the core's.
  assert.deepEqual(QUESTION_COUNTS, { full: questionCount("full"), quick: questionCount("quick") });
  assert.throws(() => questionnaire({ form: "quick", locale: "de" }), unavailable("de"));
  assert.throws(() => assess({ form: "quick", locale: "es", answers: {} }), unavailable("es"));
  assert.throws(() => describe({ result: assess({ form: "quick", answers: {} }), locale: "de" }), unavailable("de"));

  assert.equal(setTexts(table("de")), "de");
  assert.equal(setTexts(table("es")), "es");
  assert.ok(hasTexts("de") && hasTexts("es"));
  const en = questionnaire({ form: "full", locale: "en" });
  const de = questionnaire({ form: "full", locale: "de" });
  const es = questionnaire({ form: "full", locale: "es" });
  assert.equal(de.items[0].text, "Ich bin müde, auch wenn ich gut geschlafen habe.");
  assert.equal(es.scale[0].label, "nunca");
  // Every text came from the table: none is the English one.
  const texts = (q) => [...q.scale.map((s) => s.label), ...q.items.map((i) => i.text), ...q.context.flatMap((c) => [c.text, ...c.options.map((o) => o.label)])];
  const english = texts(en);
  for (const q of [de, es]) texts(q).forEach((text, i) => assert.notEqual(text, english[i], text));

  // A table it cannot read is refused with a typed error, and the loaded one stays.
  assert.throws(() => setTexts(table("de").replace('"version":1', '"version":2')), (e) => e.kind === "newer_version" && e.message.startsWith("version: "));
  assert.throws(() => setTexts("{}"), (e) => e.kind === "invalid" && e.message.startsWith("format: "));
  assert.throws(() => setTexts("<html>"), (e) => e.kind === "invalid");
  assert.equal(questionnaire({ form: "quick", locale: "de" }).items[0].text, de.items[0].text);
});

const answerAll = (form, valueOf) =>
  Object.fromEntries(questionnaire({ form }).items.map((i) => [i.id, valueOf(i)]));

test("questionnaire lists a full and a quick form in every locale", () => {
  for (const locale of ["en", "de", "es"]) {
    const full = questionnaire({ form: "full", locale });
    const quick = questionnaire({ form: "quick", locale });
    assert.ok(full.items.length >= 30 && full.items.length <= 34);
    assert.ok(quick.items.length >= 8 && quick.items.length <= 9);
    assert.equal(full.scale.length, 5);
    assert.deepEqual(full.context.map((c) => c.id), ["duration", "scope", "secondary"]);
    for (const i of quick.items) assert.ok(full.items.some((f) => f.id === i.id));
  }
});

test("a person drained by the work itself, not by its amount, reads as mismatch", () => {
  const byConstruct = { demand_volume: 1, demand_peak: 1, rest_relief: 0 };
  const r = assess({
    form: "full",
    answers: answerAll("full", (i) => {
      const high = i.construct in byConstruct ? byConstruct[i.construct] : 3;
      return i.reverse ? 4 - high : high;
    }),
    context: { duration: "over_12m", scope: "work", secondary: [] },
  });
  assert.equal(r.profile, "mismatch");
  assert.ok(r.flags.includes("chronic"));
  assert.ok(r.indices.strain >= 70 && r.indices.strain <= 100);
  assert.equal(typeof r.explanation, "string");
  assert.ok(r.next_steps.length >= 3);
  assert.equal(r.scoring_version, 1);
});

test("a quick check leaves wear and compensation null and still scores load", () => {
  const r = assess({ form: "quick", locale: "de", answers: answerAll("quick", () => 2) });
  assert.equal(r.indices.wear, null);
  assert.equal(r.indices.compensation, null);
  assert.equal(typeof r.indices.load, "number");
  const { profile, band, flags, indices, constructs, top_areas } = r;
  const result = { profile, band, flags, indices, constructs, top_areas };
  const again = describe({ result, context: {}, form: "quick", locale: "es" });
  assert.ok(again.explanation.length > 0);
});

test("bad input throws an Error that names the field", () => {
  const first = questionnaire({ form: "quick" }).items[0].id;
  const cases = [
    [{ form: "quick", answers: { [first]: 5 } }, `answers.${first}: 5 is outside 0..4`],
    [{ form: "quick", answers: { [first]: 1.5 } }, `answers.${first}:`],
    [{ form: "quick", answers: { [first]: "3" } }, `answers.${first}:`],
    [{ form: "quick", answers: { unknown_item: 1 } }, "answers.unknown_item:"],
    [{ form: "long", answers: {} }, "form:"],
    [{ form: "quick", locale: "fr", answers: {} }, "locale:"],
    [{ form: "quick", answers: {}, context: { duration: "forever" } }, "context.duration:"],
  ];
  for (const [input, prefix] of cases) {
    assert.throws(() => assess(input), (e) => e instanceof Error && e.message.startsWith(prefix) && e.kind === "invalid", prefix);
  }
  assert.throws(() => analyze({ readings: [{ at: "2026-05-01", strain: 50 }], events: [], today: "2026-04-20" }), /readings\[0\]\.at:/);
  assert.throws(() => analyze({ readings: [], events: [{ kind: "rest", start: "2026-03-07", end: "2026-03-01", type: "vacation" }], today: "2026-04-20" }), /events\[0\]\.end:/);
  assert.throws(() => analyze({ readings: [{ at: "2026-03-01", strain: 101 }], events: [], today: "2026-04-20" }), /readings\[0\]\.strain:/);
});

test("analyze: a vacation whose relief came and went is faded", () => {
  const r = analyze({
    readings: [
      { at: "2026-04-10", strain: 68 },
      { at: "2026-03-01", strain: 70 },
      { at: "2026-03-23", strain: 40 },
    ],
    events: [
      { kind: "rest", start: "2026-03-07", end: "2026-03-21", type: "vacation" },
      { kind: "change", date: "2026-04-01", what: "manager" },
    ],
    today: "2026-04-20",
  });
  assert.equal(r.rest[0].state, "faded");
  assert.deepEqual(r.rest[0].counts, [1, 1, 1]);
  assert.equal(r.high_since, "2026-04-10");
  assert.equal(r.trend.direction, "up");
  assert.equal(r.changes[0].counts[1], 1);
});
