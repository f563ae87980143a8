// The JS boundary without serde: whatever a host page passes in, the module either
// reads it as plain data or throws an Error (kind "invalid") naming the field.
// Nothing may slip through as "not answered", and nothing may wedge a HistoryStore.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, questionnaire, assess, HistoryStore, setTexts } from "../../www/pkg/burnout_check.js";

initSync({ module: readFileSync(new URL("../../www/pkg/burnout_check_bg.wasm", import.meta.url)) });
for (const locale of ["en", "es"]) setTexts(readFileSync(new URL(`../../www/pkg/texts-${locale}.json`, import.meta.url), "utf8"));

const first = questionnaire({ form: "quick" }).items[0].id;
const refused = (fn, prefix) =>
  assert.throws(fn, (e) => e instanceof Error && e.kind === "invalid" && e.message.startsWith(prefix), prefix);

test("NaN and infinities are refused where they sit, never read as not answered", () => {
  refused(() => assess({ form: "quick", answers: { [first]: NaN } }), `answers.${first}: NaN`);
  refused(() => assess({ form: "quick", answers: { [first]: Infinity } }), `answers.${first}:`);
  refused(() => assess({ form: "quick", answers: { [first]: -Infinity } }), `answers.${first}:`);
});

test("functions, symbols and BigInt are not data, wherever they are", () => {
  refused(() => assess(() => 1), "expected plain data, got a function");
  refused(() => assess({ form: "quick", answers: { [first]: () => 2 } }), `answers.${first}: expected plain data, got a function`);
  refused(() => assess({ form: "quick", answers: { [first]: 2n } }), `answers.${first}: expected plain data, got a bigint`);
  refused(() => assess({ form: "quick", answers: {}, context: { secondary: [Symbol("x")] } }), "context.secondary[0]:");
});

test("a value that contains itself ends in an error, not a hang or a trap", () => {
  const loop = { form: "quick", answers: {} };
  loop.answers.again = loop;
  refused(() => assess(loop), "answers.again.");
});

test("getters and proxies that throw become errors naming the field", () => {
  const trap = new Proxy({}, { ownKeys() { throw new Error("no keys for you"); } });
  refused(() => assess({ form: "quick", answers: trap }), "answers: could not be read");
  const getter = { form: "quick", get answers() { throw new Error("boom"); } };
  refused(() => assess(getter), "answers: could not be read");
  refused(() => assess({ form: "quick", answers: [1, { get x() { throw 1; } }] }), "answers[1].x: could not be read");
});

test("undefined reads as absent, as null does", () => {
  const a = assess({ form: "quick", locale: undefined, answers: { [first]: undefined }, context: undefined });
  const b = assess({ form: "quick", answers: {} });
  assert.deepEqual(a, b);
});

test("a store stays usable after refusing a hostile value", () => {
  const store = new HistoryStore("boundary-test");
  const hostile = { get x() { throw new Error("boom"); } };
  refused(() => store.saveDraft(hostile), "draft.x: could not be read");
  refused(() => store.saveDraft({ n: NaN }), "draft.n: NaN");
  // The same object again: a wedged borrow would throw "recursive use of an object" here.
  assert.equal(typeof store.status().persistent, "boolean");
  assert.deepEqual(store.load().entries, []);
});

test("outputs are plain objects with the documented keys in order", () => {
  const q = questionnaire({ form: "quick", locale: "es" });
  assert.deepEqual(Object.keys(q), ["id", "version", "form", "locale", "scale", "items", "context"]);
  assert.equal(Object.getPrototypeOf(q), Object.prototype);
  const r = assess({ form: "quick", answers: { [first]: 3 } });
  assert.deepEqual(Object.keys(r), [
    "profile", "band", "flags", "indices", "constructs", "top_areas",
    "explanation", "next_steps", "form", "questionnaire_version", "scoring_version",
  ]);
  assert.deepEqual(Object.keys(r.indices), ["strain", "wear", "load", "mismatch", "compensation"]);
  assert.equal(r.indices.wear, null);
});

test("overview() gives the entries cut to what a list shows, in columns; entry(id) gives the whole one as load() does", () => {
  const store = new HistoryStore("overview-test"); // no localStorage in Node: kept in memory
  const answers = Object.fromEntries(questionnaire({ form: "quick" }).items.map((i, k) => [i.id, k % 5]));
  let saved;
  try {
    saved = store.save({ form: "quick", answers, context: { scope: "work" }, at: Date.UTC(2026, 3, 2, 9), date: "2026-04-02", note: "<b>a note</b>" });
  } catch (e) {
    assert.equal(e.kind, "unavailable"); // kept in memory all the same
  }
  const full = store.load().entries;
  assert.equal(full.length, 1);
  if (saved) assert.deepEqual(saved.entry, full[0]);
  const brief = store.overview();
  assert.deepEqual(Object.keys(brief), ["entries", "events", "unreadable"]);
  // In columns: one place per entry in each.
  const e = full[0];
  assert.deepEqual(brief.entries, {
    id: [e.id], at: [e.at], date: [e.date], form: [e.form], saved: [e.saved],
    profile: [e.result.profile], strain: [e.result.indices.strain], top_areas: [e.result.top_areas.join(" ")],
  });
  assert.ok(e.result.top_areas.length > 0, "the areas are one text, separated by spaces");
  assert.deepEqual(store.entry(e.id), full[0]);
  assert.equal(store.entry("e-none"), null);
});
