// Faults 4, 5, 6 and 7 of issue 4 in real Chromium, each from a committed
// localStorage snapshot: damaged records, a damaged meta, other apps' keys on
// the same origin, and storage written by a newer or an older version.

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, gotoApp, openPage, useServerAndBrowser } from "./harness.mjs";
import { assertForeignIntact, assertRecordsIntact, downloadText, fixture, fixtureFile, loadedEntries, openHistory, quickCheck, rows, seed, storage } from "./faults-kit.mjs";

const env = useServerAndBrowser();

const dates = (page) => rows(page).locator("td:first-child").allTextContents();

test("4: corrupt entries are listed as unreadable, the others shown, and the raw export keeps their text byte for byte", async () => {
  const snapshot = await fixture("corrupt_entry.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.deepEqual(await dates(page), ["Mar 2, 2026"]);
  const listed = app(page).locator(".notice.unreadable li");
  assert.deepEqual(await listed.evaluateAll((lis) => lis.map((li) => li.dataset.key)),
    ["burnout-check:e:e0b44d2e9c1a77f03", "burnout-check:e:e99undefined00001"]);
  assert.match(await app(page).locator(".notice.unreadable").textContent(), /2 stored item\(s\) could not be read/);

  const raw = JSON.parse(await downloadText(page, app(page).getByRole("button", { name: "Export raw data" })));
  for (const k of Object.keys(snapshot).filter((k) => k.startsWith("burnout-check:"))) assert.equal(raw[k], snapshot[k], k);
  assert.equal(raw["other-app:state"], undefined, "only our namespace");

  // A new check is saved beside them; the damaged text stays as it was.
  await app(page).getByRole("button", { name: "Check", exact: true }).click();
  await quickCheck(page);
  await openHistory(page);
  assert.equal(await rows(page).count(), 2);
  let now = await storage(page);
  assert.equal(now["burnout-check:meta"], '{"schema":3}', "the first write brings the fixture's schema 2 to 3");
  for (const k of Object.keys(snapshot).filter((k) => k !== "burnout-check:meta")) assert.equal(now[k], snapshot[k], k);

  // One unreadable record can be deleted on its own, after a confirmation; cancelling keeps it.
  const gone = "burnout-check:e:e99undefined00001";
  const del = app(page).getByRole("button", { name: `Delete the unreadable item ${gone}` });
  await del.click();
  const dialog = app(page).locator("dialog.confirm");
  assert.match(await dialog.textContent(), /removed for good; export the raw data first/);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  assert.equal((await storage(page))[gone], snapshot[gone], "cancelled: still stored");
  await del.click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await page.waitForFunction(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll(".notice.unreadable li").length === 1);
  assert.deepEqual(await listed.evaluateAll((lis) => lis.map((li) => li.dataset.key)), ["burnout-check:e:e0b44d2e9c1a77f03"]);
  now = await storage(page);
  assert.equal(now[gone], undefined, "removed from storage");
  for (const k of Object.keys(snapshot).filter((k) => k !== gone && k !== "burnout-check:meta")) assert.equal(now[k], snapshot[k], `${k} untouched`);
  assert.equal(await rows(page).count(), 2, "the readable checks stay");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("4: a damaged line of an imported pack costs one check: listed under the pack, deletable alone when it still names its check, the rest byte for byte", async () => {
  const base = await fixture("two_entries.json");
  const [[goodKey, good], [otherKey]] = Object.entries(base).filter(([k]) => k.startsWith("burnout-check:e:"));
  const [goodId, otherId] = [goodKey, otherKey].map((k) => k.slice("burnout-check:e:".length));
  const pack = `burnout-check:p:${goodId}`;
  const lines = [`${goodId} ${good}`, `${otherId} {"t":17`, "undefined"];
  const snapshot = { "burnout-check:meta": '{"schema":3}', [pack]: lines.join("\n"), "other-app:state": "{}" };
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.equal(await rows(page).count(), 1, "the good line's check");
  const listed = app(page).locator(".notice.unreadable li");
  assert.deepEqual(await listed.evaluateAll((lis) => lis.map((li) => li.dataset.key)), [pack, pack]);
  assert.match(await listed.first().textContent(), new RegExp(`\\(${otherId}\\)`));
  assert.equal(await app(page).locator(".delete-unreadable").count(), 1, "only the line that still names its check");
  const raw = JSON.parse(await downloadText(page, app(page).getByRole("button", { name: "Export raw data" })));
  assert.equal(raw[pack], snapshot[pack], "the pack byte for byte");
  await app(page).getByRole("button", { name: `Delete the unreadable item ${pack} (${otherId})` }).click();
  await app(page).locator("dialog.confirm").getByRole("button", { name: "Delete" }).click();
  await page.waitForFunction(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll(".notice.unreadable li").length === 1);
  const now = await storage(page);
  assert.equal(now[pack], [lines[0], lines[2]].join("\n"), "that line out, the others as they were");
  assert.equal(now["other-app:state"], "{}");
  assert.equal(await rows(page).count(), 1);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("5: a corrupt meta is no fresh start: opening writes nothing, the history comes from the entry keys, nothing is overwritten", async () => {
  const snapshot = await fixture("corrupt_meta.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.deepEqual(await dates(page), ["Mar 26, 2026", "Mar 2, 2026"]);
  assert.deepEqual(await storage(page), snapshot, "looking changes nothing");
  await app(page).getByRole("button", { name: "Check", exact: true }).click();
  await quickCheck(page);
  await openHistory(page);
  assert.equal(await rows(page).count(), 3);
  const now = await storage(page);
  assertRecordsIntact(now, snapshot);
  assert.equal(now["burnout-check:meta"], '{"schema":3}', "rebuilt by the first save");
  assertForeignIntact(now, snapshot);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("6: other apps' keys on the origin survive a whole journey byte for byte, delete-all included", async () => {
  const snapshot = await fixture("foreign_keys.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  const foreignOnly = () => storage(page).then((now) => assertForeignIntact(now, snapshot));

  await quickCheck(page);
  await foreignOnly();
  await openHistory(page);
  assert.equal(await rows(page).count(), 3);
  const change = app(page).locator("form.change-form");
  await change.locator('input[name="date"]').fill("2026-04-01");
  await change.getByRole("button", { name: "Add" }).click();
  await app(page).locator("li.event.change").waitFor();
  await app(page).locator("input.import-file").setInputFiles(await fixtureFile("storage/import_four_records.json"));
  await app(page).getByText("Imported 3 checks and 1 events").waitFor();
  await foreignOnly();
  await rows(page).first().getByRole("button", { name: /^Delete the check from/ }).click();
  await page.waitForFunction(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll("table.entries tbody tr").length === 5);
  await foreignOnly();

  await app(page).getByRole("button", { name: "Delete everything" }).click();
  await app(page).locator("dialog.confirm").getByRole("button", { name: "Delete everything" }).click();
  await app(page).locator(".empty").waitFor();
  const now = await storage(page);
  const foreign = Object.fromEntries(Object.entries(snapshot).filter(([k]) => !/^burnout-check:(meta|e:e\w+|event:v\w+)$/.test(k)));
  assert.deepEqual(now, foreign, "exactly the foreign keys are left, each byte for byte");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("7: storage from a newer version is read-only with a message, and a whole journey writes not one byte", async () => {
  const snapshot = await fixture("newer_schema.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.match(await app(page).locator("section.history .notice").first().textContent(), /^History is read-only here: .*newer version/);
  assert.equal(await rows(page).count(), 1, "what this version can read is shown");
  assert.equal(await app(page).locator(".restore-import").count(), 0);

  // A whole check, answers in progress included.
  await app(page).getByRole("button", { name: "Check", exact: true }).click();
  await quickCheck(page);
  assert.match(await app(page).locator("section.result .notice").first().textContent(), /could not be saved on this device: .*newer version/);
  await openHistory(page);
  // Deleting and importing are refused with the reason.
  await app(page).getByRole("button", { name: "Delete everything" }).click();
  await app(page).locator("dialog.confirm").getByRole("button", { name: "Delete everything" }).click();
  await app(page).locator(".flash[role=alert]").waitFor();
  assert.match(await app(page).locator(".flash").textContent(), /newer version/);
  await rows(page).last().getByRole("button", { name: /^Delete the check from/ }).click(); // a stored one
  await app(page).getByText(/That did not work: .*newer version/).waitFor();
  await app(page).locator("input.import-file").setInputFiles(await fixtureFile("storage/import_four_records.json"));
  await app(page).getByText(/Could not import this file: .*newer version/).waitFor();
  await gotoApp(page, env.server.url);
  assert.deepEqual(await storage(page), snapshot, "not one byte written");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("7: schema 0 (one key with every entry) is migrated copy-on-write, the old key removed on the next start, then nothing is written", async () => {
  const snapshot = await fixture("schema0.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  const expected = ["Apr 6, 2026", "Mar 26, 2026", "Mar 2, 2026"];
  assert.deepEqual(await dates(page), expected);
  let now = await storage(page);
  assert.equal(now["burnout-check:history"], snapshot["burnout-check:history"], "old key kept byte for byte");
  const copies = Object.keys(now).filter((k) => k.startsWith("burnout-check:e:"));
  assert.equal(copies.length, 3);
  assert.equal(now["burnout-check:meta"], '{"schema":3}');
  // The note with markup came across exactly, as text, and so it is exported.
  const notes = ["Monday after the release. Tired before I even opened the laptop.", null, "<b>bold?</b> & fine"];
  assert.deepEqual((await loadedEntries(page)).map((e) => e.note), notes);
  const exported = JSON.parse(await downloadText(page, app(page).getByRole("button", { name: "Export JSON" })));
  assert.deepEqual(exported.entries.map((e) => e.note ?? null), notes);

  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.deepEqual(await dates(page), expected);
  now = await storage(page);
  assert.equal(now["burnout-check:history"], undefined, "removed once every copy was found in place");
  for (const k of copies) assert.ok(now[k], k);
  assertForeignIntact(now, snapshot);

  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.deepEqual(await storage(page), now, "running it again changes nothing");
  assert.deepEqual(await dates(page), expected);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("7: schema 1 (each entry with its whole result) is migrated copy-on-write to compact records, results kept as they were, old keys removed on the next start", async () => {
  const snapshot = await fixture("schema1.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  const expected = ["Apr 20, 2026", "Apr 9, 2026", "Apr 2, 2026", "Mar 26, 2026", "Mar 2, 2026"];
  assert.deepEqual(await dates(page), expected);
  // The damaged old record is listed by key, and kept in the raw export byte for byte.
  const listed = app(page).locator(".notice.unreadable li");
  assert.deepEqual(await listed.evaluateAll((lis) => lis.map((li) => li.dataset.key)), ["burnout-check:entry:e99undefined00001"]);
  let now = await storage(page);
  const old = Object.keys(snapshot).filter((k) => k.startsWith("burnout-check:entry:"));
  for (const k of old) assert.equal(now[k], snapshot[k], `${k} kept byte for byte`);
  const copies = Object.keys(now).filter((k) => k.startsWith("burnout-check:e:"));
  assert.equal(copies.length, 5);
  assert.equal(now["burnout-check:meta"], '{"schema":3}');
  // Every entry and result exactly as schema 1 stored it (the hand-written results differ
  // from what the scorer gives, so the export carries them).
  const loaded = await loadedEntries(page);
  const stored = old.filter((k) => k !== "burnout-check:entry:e99undefined00001").map((k) => JSON.parse(snapshot[k]));
  for (const e of stored) assert.deepEqual(loaded.find((x) => x.id === e.id), e, e.id);
  const exported = JSON.parse(await downloadText(page, app(page).getByRole("button", { name: "Export JSON" })));
  // The export leaves out a result the scorer gives back, and carries the others as they are.
  const carried = stored.filter((e) => exported.entries.find((x) => x.id === e.id).result);
  assert.ok(carried.length > 0 && carried.length < stored.length, `${carried.length} of ${stored.length} results carried`);
  for (const e of carried) assert.deepEqual(exported.entries.find((x) => x.id === e.id).result, e.result, e.id);
  const raw = JSON.parse(await downloadText(page, app(page).getByRole("button", { name: "Export raw data" })));
  assert.equal(raw["burnout-check:entry:e99undefined00001"], "undefined");

  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.deepEqual(await dates(page), expected);
  now = await storage(page);
  assert.deepEqual(Object.keys(now).filter((k) => k.startsWith("burnout-check:entry:")), ["burnout-check:entry:e99undefined00001"], "only the damaged one is left");
  for (const k of copies) assert.ok(now[k], k);
  assertForeignIntact(now, snapshot);

  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.deepEqual(await storage(page), now, "running it again changes nothing");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});
