// Shared by the faults*.test.mjs files: committed localStorage snapshots seeded
// before the page loads, snapshots of storage taken from the page, and the
// check that the person's saved records are still there, byte for byte.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { app, completeByClicking } from "./harness.mjs";

const FIXTURES = new URL("../fixtures/", import.meta.url);

/** A snapshot from tests/fixtures/storage/: `{ key: raw value }`. */
export async function fixture(name) {
  return JSON.parse(await readFile(new URL(`storage/${name}`, FIXTURES), "utf8"));
}

/** A file from tests/fixtures/ as `setInputFiles` takes it. */
export async function fixtureFile(name) {
  return { name, mimeType: "application/json", buffer: await readFile(new URL(name, FIXTURES)) };
}

/**
 * Seeds `snapshot` into localStorage before the first page of the context loads
 * (once per tab: a reload finds what the app left, not the fixture again).
 */
export async function seed(context, snapshot) {
  await context.addInitScript((pairs) => {
    if (sessionStorage.getItem("__seeded")) return;
    sessionStorage.setItem("__seeded", "1");
    localStorage.clear();
    for (const [k, v] of Object.entries(pairs)) localStorage.setItem(k, v);
  }, snapshot);
}

/** In the page (`page.evaluate(fillStorageAfter, n)`): every localStorage write after the next `allowed` fails as full. */
export function fillStorageAfter(allowed) {
  const real = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (allowed-- <= 0) throw new DOMException("full", "QuotaExceededError");
    return real.call(this, k, v);
  };
}

/** `fillStorageAfter(allowed)` on the first page of the context only: a reload finds room again. */
export async function fillStorageAfterOnFirstLoad(context, allowed) {
  await context.addInitScript({
    content: `if (!sessionStorage.getItem("__full_once")) { sessionStorage.setItem("__full_once", "1"); (${fillStorageAfter})(${Number(allowed)}); }`,
  });
}

/** Everything in the page's localStorage. */
export function storage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

const RECORD = /^burnout-check:(e|entry|event):/;

/** Every entry and event of `snapshot` is in `now` with exactly the same text. */
export function assertRecordsIntact(now, snapshot) {
  const records = Object.keys(snapshot).filter((k) => RECORD.test(k));
  assert.ok(records.length > 0, "the snapshot holds records");
  for (const k of records) assert.equal(now[k], snapshot[k], `${k} changed or went missing`);
}

/** Every key of `snapshot` outside our namespace is in `now` with exactly the same text. */
export function assertForeignIntact(now, snapshot, ours = (k) => /^burnout-check:(meta|draft|history|e:e[\w-]+|p:e[\w-]+|entry:e[\w-]+|event:v[\w-]+)$/.test(k)) {
  for (const [k, v] of Object.entries(snapshot)) {
    if (!ours(k)) assert.equal(now[k], v, `foreign key ${JSON.stringify(k)} changed`);
  }
}

export async function quickCheck(page, pick = () => 2) {
  await app(page).locator('input[name="form"][value="quick"]').check();
  await app(page).getByRole("button", { name: "Start" }).click();
  await completeByClicking(page, pick);
}

export async function openHistory(page) {
  await app(page).getByRole("button", { name: "History", exact: true }).click();
  await app(page).locator("section.history").waitFor();
}

/** Clicks `button` and returns the downloaded file's text. */
export async function downloadText(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return readFile(await download.path(), "utf8");
}

/** Every entry the element's store holds, whole, as `load()` gives it (without `saved`). */
export function loadedEntries(page) {
  return page.evaluate(() => document.querySelector("burnout-check")._store.load().entries.map(({ saved, ...e }) => e));
}

/** The rows of the history table. */
export const rows = (page) => app(page).locator("table.entries tbody tr");

/** Local wall-clock times in Europe/Berlin (the harness's default time zone). */
export const at = (date, time = "10:00") => new Date(`${date}T${time}:00+02:00`);
