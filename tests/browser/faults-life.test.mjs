// Faults 8, 9, 11 and 12 of issue 4 in real Chromium: two tabs saving at once,
// storage emptied by the browser (restore, reminders, persist()), hostile and
// broken import files, and the wasm module trapping.

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, completeByClicking, gotoApp, holdBack, openPage, resultSaved, useServerAndBrowser } from "./harness.mjs";
import { assertRecordsIntact, downloadText, fixture, fixtureFile, loadedEntries, openHistory, quickCheck, rows, seed, storage } from "./faults-kit.mjs";

const env = useServerAndBrowser();

/** Answers every question of a quick check with `value` and stops on the last screen, before finishing. */
async function upToFinish(page, value) {
  await app(page).locator('input[name="form"][value="quick"]').check();
  await app(page).getByRole("button", { name: "Start" }).click();
  for (;;) {
    const section = app(page).locator("section.questions");
    const sets = section.locator("fieldset[data-item]");
    if ((await sets.count()) === 0) return section.locator('button[type="submit"]');
    for (const set of await sets.all()) await set.locator(`input[value="${value}"]`).check();
    const before = await section.locator(".progress .muted").textContent();
    await section.locator('button[type="submit"]').click();
    await page.waitForFunction((b) => {
      const root = document.querySelector("burnout-check").shadowRoot;
      return !root.querySelector(".progress .muted") || root.querySelector(".progress .muted").textContent !== b;
    }, before);
  }
}

/** How many entries `stored` (from `storage(page)`) holds. */
const entryCount = (stored) => Object.keys(stored).filter((k) => k.startsWith("burnout-check:e:")).length;

test("8: two tabs finishing at the same moment keep both entries, and each sees the other's without a reload", async () => {
  const { context, page: a, problems } = await openPage(env.browser, env.server.url);
  await gotoApp(a, env.server.url);
  const b = await context.newPage();
  await gotoApp(b, env.server.url);
  const [finishA, finishB] = [await upToFinish(a, 1), await upToFinish(b, 3)];
  await Promise.all([finishA.click(), finishB.click()]);
  await Promise.all([a, b].map((p) => app(p).locator("section.result").waitFor()));
  for (const p of [a, b]) {
    await openHistory(p);
    await p.waitForFunction(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll("table.entries tbody tr").length === 2);
    assert.equal(await app(p).locator("table.entries .badge").count(), 0, "both saved");
  }
  assert.equal(entryCount(await storage(a)), 2);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("8: two tabs deleting checks of one imported pack: each deletion stays made, the pack keeps the rest", async () => {
  const { context, page: a, problems } = await openPage(env.browser, env.server.url);
  await gotoApp(a, env.server.url);
  await openHistory(a);
  await app(a).locator("input.import-file").setInputFiles(await fixtureFile("storage/import_four_records.json"));
  await app(a).getByText("Imported 3 checks and 1 event").waitFor();
  const file = JSON.parse((await fixtureFile("storage/import_four_records.json")).buffer.toString("utf8"));
  const ids = file.entries.map((e) => e.id);
  const packOf = async (p) => Object.entries(await storage(p)).filter(([k]) => k.startsWith("burnout-check:p:"));
  const [[packKey, pack]] = await packOf(a);
  assert.deepEqual(pack.split("\n").map((l) => l.split(" ")[0]).sort(), [...ids].sort(), "one pack, a line per check");
  const b = await context.newPage();
  await gotoApp(b, env.server.url);
  await openHistory(b);
  assert.equal(await rows(b).count(), 3);
  const remove = async (p, id) => {
    await app(p).locator(`tr[data-entry="${id}"]`).getByRole("button", { name: /^Delete the check from/ }).click();
    await app(p).locator(`tr[data-entry="${id}"]`).waitFor({ state: "detached" });
  };
  await remove(a, ids[0]);
  await remove(b, ids[1]);
  const lines = (await storage(a))[packKey].split("\n");
  assert.deepEqual(lines.map((l) => l.split(" ")[0]), [ids[2]], "both deletions made, the third check kept");
  for (const p of [a, b]) {
    await p.reload();
    await openHistory(p);
    assert.deepEqual(await rows(p).evaluateAll((trs) => trs.map((tr) => tr.dataset.entry)), [ids[2]]);
  }
  await remove(a, ids[2]);
  assert.deepEqual(await packOf(a), [], "the last deletion takes the pack");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("9: storage emptied by the browser: the empty history offers a restore from an export, which brings it all back", async () => {
  const snapshot = await fixture("two_entries.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.equal(await rows(page).count(), 2);
  await page.evaluate(() => localStorage.clear()); // what Safari does after seven days without a visit
  await gotoApp(page, env.server.url);
  await openHistory(page);
  assert.match(await app(page).locator("p.restore").textContent(), /If you exported it, you can bring it back/);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), app(page).getByRole("button", { name: "Restore from an export" }).click()]);
  await chooser.setFiles(await fixtureFile("export_v1.json"));
  await app(page).getByText("Imported 2 checks and 2 events").waitFor();
  assert.equal(await rows(page).count(), 2);
  const now = await storage(page);
  const file = JSON.parse((await fixtureFile("export_v1.json")).buffer.toString("utf8"));
  for (const event of file.events) assert.deepEqual(JSON.parse(now[`burnout-check:event:${event.id}`]), event, `${event.id} restored as exported`);
  // Entries are stored compact, an import's in packs (schema 3: a line each,
  // `<id> <record>`), and read back they are exactly the file's; exported again,
  // in this version's shape, they are the same checks.
  const lines = Object.keys(now).filter((k) => k.startsWith("burnout-check:p:")).flatMap((k) => now[k].split("\n"));
  assert.deepEqual(lines.map((l) => l.slice(0, l.indexOf(" "))).sort(), file.entries.map((e) => e.id).sort(), "each entry stored once");
  assert.deepEqual(await loadedEntries(page), file.entries, "every entry restored as exported");
  const again = JSON.parse(await downloadText(page, app(page).getByRole("button", { name: "Export JSON" })));
  assert.equal(again.version, 2);
  assert.deepEqual(again.entries.map((e) => e.id), file.entries.map((e) => e.id));
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("9: every fifth saved check brings a gentle reminder to export, with the export one click away", async () => {
  const snapshot = await fixture("four_entries.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await quickCheck(page);
  const reminder = app(page).locator(".export-reminder");
  assert.match(await reminder.textContent(), /lives only in this browser/);
  const exported = JSON.parse(await downloadText(page, reminder.getByRole("button")));
  assert.equal(exported.entries.length, 5);
  await app(page).getByRole("button", { name: "New check" }).click();
  await quickCheck(page, () => 1);
  assert.equal(await reminder.count(), 0, "not after the sixth");
  assertRecordsIntact(await storage(page), snapshot);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

// What navigator.storage.persist() may do, and what the history then says.
const PERSIST = {
  granted: ["() => Promise.resolve(true)", /agreed to keep your history/],
  denied: ["() => Promise.resolve(false)", /may clear its storage on its own/],
  unsupported: [null, /does not say whether it will keep/],
  failed: ['() => Promise.reject(new DOMException("no", "InvalidStateError"))', /did not answer whether/],
};

for (const [outcome, [impl, text]] of Object.entries(PERSIST)) {
  test(`9: persist() ${outcome}: asked once after the first save, the outcome stated, no console error`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server.url);
    await context.addInitScript((impl) => {
      window.__persistCalls = 0;
      if (impl === null) {
        Object.defineProperty(Navigator.prototype, "storage", { configurable: true, get: () => undefined });
        return;
      }
      const fn = new Function(`return (${impl})`)();
      Object.defineProperty(StorageManager.prototype, "persist", { configurable: true, value: () => (window.__persistCalls++, fn()) });
    }, impl);
    await gotoApp(page, env.server.url);
    await quickCheck(page);
    await app(page).getByRole("button", { name: "New check" }).click();
    await quickCheck(page, () => 1);
    await openHistory(page);
    const said = app(page).locator(`.persistence[data-outcome="${outcome}"]`);
    await said.waitFor();
    assert.match(await said.textContent(), text);
    assert.equal(await page.evaluate(() => window.__persistCalls), impl === null ? 0 : 1, "asked once");
    assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
    await context.close();
  });
}

test("11: broken, mistyped, huge and newer imports each get a clear message; markup in notes stays inert text, kept exactly; a second import adds nothing", async () => {
  const snapshot = await fixture("two_entries.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  await openHistory(page);
  const input = app(page).locator("input.import-file");
  let last = null; // the previous refusal's message: still on screen until the next one replaces it
  const refused = async (file, message) => {
    // The view re-renders after the file is read: wait for the previous flash to
    // go, or a slow machine reads the last message again.
    const old = (await app(page).locator(".flash").count()) ? await app(page).locator(".flash").elementHandle() : null;
    await input.setInputFiles(file);
    if (old) await page.waitForFunction((el) => !el.isConnected, old);
    const flash = app(page).locator(".flash[role=alert]");
    await page.waitForFunction((before) => {
      const now = document.querySelector("burnout-check").shadowRoot.querySelector(".flash[role=alert]");
      return now && now.textContent !== before;
    }, last);
    last = await flash.textContent();
    assert.match(last, message);
    assert.equal(await rows(page).count(), 2, "nothing added");
    await app(page).locator("section.history h2").click(); // the next flash replaces this one
  };
  await refused(await fixtureFile("export_truncated.json"), /^Could not import this file: this is not a burnout-check export \(/);
  await refused(await fixtureFile("storage/import_wrong_types.json"), /^Could not import this file: (exported_at|entries\[0\]\.\w+|events): /);
  await refused(await fixtureFile("export_newer.json"), /^Could not import this file: .*newer version/);
  const huge = Buffer.from(`{"format":"burnout-check/history","version":1,"entries":[],"events":[],"pad":"${"x".repeat(5.5 * 1024 * 1024)}"}`);
  await refused({ name: "huge.json", mimeType: "application/json", buffer: huge }, /^Could not import this file: it is larger than 5 MB/);
  // Saved in Latin-1, not UTF-8: refused as such, not read with a character lost.
  await refused({ name: "latin1.json", mimeType: "application/json", buffer: Buffer.from('{"note":"caf\xe9"}', "latin1") }, /^Could not import this file: this is not a burnout-check export \(it is not UTF-8 text\)$/);

  const html = await fixtureFile("export_html_note.json");
  const notes = JSON.parse(html.buffer.toString("utf8"));
  // With a byte order mark first, as some editors save: read as the same file.
  await input.setInputFiles({ ...html, buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), html.buffer]) });
  await app(page).getByText("Imported 1 checks and 1 events; 0 were already here.").waitFor();
  const history = app(page).locator("section.history");
  assert.equal(await history.locator("li.event.change .muted").textContent(), notes.events[0].note, "shown as text");
  assert.equal(await history.locator("script, img, b, textarea, [onclick], [onerror]").count(), 0, "no element made from a note");
  const exported = JSON.parse(await downloadText(page, app(page).getByRole("button", { name: "Export JSON" })));
  assert.equal(exported.entries.find((e) => e.id === notes.entries[0].id).note, notes.entries[0].note, "kept exactly");
  assert.equal(exported.events.find((e) => e.id === notes.events[0].id).note, notes.events[0].note);

  await input.setInputFiles(html);
  await app(page).getByText("Imported 0 checks and 0 events; 2 were already here.").waitFor();
  assert.equal(await rows(page).count(), 3);
  assertRecordsIntact(await storage(page), snapshot);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("12: a trap in the core is reported, a fresh instance takes over, and the person goes on", async () => {
  const snapshot = await fixture("two_entries.json");
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await seed(context, snapshot);
  await gotoApp(page, env.server.url);
  const instance = () => page.evaluate(() => document.querySelector("burnout-check")._core.instance);
  const first = await instance();
  await page.evaluate(() => {
    document.querySelector("burnout-check")._core.questionnaire = () => {
      throw new WebAssembly.RuntimeError("unreachable");
    };
  });
  await app(page).locator('input[name="form"][value="quick"]').check();
  await app(page).getByRole("button", { name: "Start" }).click();
  const notice = app(page).locator(".core-restarted");
  await app(page).getByText(/so it was restarted\. Your saved history is safe/).waitFor();
  assert.equal(await notice.getAttribute("role"), "alert");
  assert.ok((await instance()) > first, "a fresh instance");

  await app(page).getByRole("button", { name: "Start" }).click();
  await completeByClicking(page, () => 2);
  await openHistory(page);
  assert.equal(await rows(page).count(), 3);
  assert.equal(await app(page).locator("table.entries .badge").count(), 0);
  assertRecordsIntact(await storage(page), snapshot);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

// The result is scored (the core's `assess`), shown, then stored (the store's `save`):
// a trap at either step restarts the core, and the fresh instance does that step again.
for (const [step, target] of [["saving", "_store.save"], ["scoring the finished check", "_core.assess"]]) {
  test(`12: a trap while ${step} restarts the core, and the fresh one shows and stores the result`, async () => {
    const snapshot = await fixture("two_entries.json");
    const { context, page, problems } = await openPage(env.browser, env.server.url);
    await seed(context, snapshot);
    await gotoApp(page, env.server.url);
    const finish = await upToFinish(page, 3);
    await page.evaluate((target) => {
      const [object, name] = target.split(".");
      document.querySelector("burnout-check")[object][name] = () => {
        throw new WebAssembly.RuntimeError("unreachable");
      };
    }, target);
    await finish.click();
    await resultSaved(page);
    assert.match(await app(page).locator(".core-restarted").textContent(), /was restarted/);
    assert.equal(await app(page).locator("section.result .profile-title[data-profile]").count(), 1, "the result");
    assert.equal(await app(page).locator("section.result .notice").count(), 0, "no not-saved notice");
    await openHistory(page);
    assert.equal(await rows(page).count(), 3);
    assert.equal(await app(page).locator("table.entries .badge").count(), 0, "saved by the fresh instance");
    assertRecordsIntact(await storage(page), snapshot);
    assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
    await context.close();
  });
}

/**
 * Watches for the result in the page: at the moment it is in the element's tree
 * (before the element has had a chance to store it), what storage holds
 * (`__atResult`), then `action` done in that same moment (a selector to click, or
 * "pagehide" to send that event) and what storage holds right after it (`__afterAction`).
 */
async function atFirstResult(page, action = "") {
  await page.evaluate((action) => {
    const root = document.querySelector("burnout-check").shadowRoot;
    window.__saved = 0;
    document.addEventListener("burnout-check:saved", () => window.__saved++);
    const state = () => ({
      entries: Object.keys(localStorage).filter((k) => k.startsWith("burnout-check:e:")).length,
      draft: localStorage.getItem("burnout-check:draft") !== null,
      saving: root.querySelector("section.result")?.hasAttribute("data-saving") ?? null,
    });
    const mo = new MutationObserver(() => {
      if (!root.querySelector("section.result")) return;
      mo.disconnect();
      window.__atResult = state();
      if (action === "pagehide") window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false }));
      else if (action) root.querySelector(action).click();
      window.__afterAction = state();
    });
    mo.observe(root, { childList: true, subtree: true });
  }, action);
}

test("a finished check shows its result first and stores it once drawn; until then the draft holds every answer", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  const finish = await upToFinish(page, 3);
  await atFirstResult(page);
  await finish.click();
  await resultSaved(page);
  assert.deepEqual(await page.evaluate(() => window.__atResult), { entries: 0, draft: true, saving: true }, "shown before it is stored, the draft still there");
  const stored = await storage(page);
  assert.equal(entryCount(stored), 1, "then stored, once");
  assert.equal(stored["burnout-check:draft"], undefined, "and the draft removed");
  await page.waitForFunction(() => window.__saved === 1);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("a step taken before the result is stored stores it first: the history opened at once lists it, stored once", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  const finish = await upToFinish(page, 1);
  await atFirstResult(page, "header nav button:last-child"); // History, in the same task as the result appeared
  await finish.click();
  await app(page).locator("section.history").waitFor();
  assert.equal((await page.evaluate(() => window.__atResult)).entries, 0);
  assert.equal(await rows(page).count(), 1, "the history lists the check");
  await page.waitForTimeout(300); // past the element's own save
  const stored = await storage(page);
  assert.equal(entryCount(stored), 1, "stored once");
  assert.equal(stored["burnout-check:draft"], undefined);
  assert.equal(await page.evaluate(() => window.__saved), 1, "one saved event");
  assert.equal(await app(page).locator("table.entries .badge").count(), 0, "not marked unsaved");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("a page left right after the result appears (pagehide) stores it first", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  const finish = await upToFinish(page, 4);
  await atFirstResult(page, "pagehide");
  await finish.click();
  await page.waitForFunction(() => window.__afterAction);
  assert.deepEqual(await page.evaluate(() => [window.__atResult, window.__afterAction]),
    [{ entries: 0, draft: true, saving: true }, { entries: 1, draft: false, saving: false }], "stored during pagehide, the draft gone");
  await resultSaved(page);
  await page.waitForTimeout(200); // past the element's own save
  assert.equal(entryCount(await storage(page)), 1, "stored once");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("a page that draws no frames (a hidden tab) still stores the result", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await page.addInitScript(() => {
    window.__frames = [];
    window.requestAnimationFrame = (fn) => window.__frames.push(fn); // never called
  });
  await gotoApp(page, env.server.url);
  const finish = await upToFinish(page, 2);
  await finish.click();
  await resultSaved(page);
  const stored = await storage(page);
  assert.equal(entryCount(stored), 1);
  assert.equal(stored["burnout-check:draft"], undefined);
  assert.ok((await page.evaluate(() => window.__frames.length)) > 0, "the element did ask for a frame");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("Finish pressed twice while the result's code is still on its way gives one result, stored once", async () => {
  // No service worker, so the route sees the view's file (and holds it back).
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" });
  const { release } = await holdBack(page, "**/src/views/result.js");
  await gotoApp(page, env.server.url);
  const finish = await upToFinish(page, 2);
  await finish.click();
  await finish.click(); // the questions are still on screen
  release();
  await resultSaved(page);
  await page.waitForTimeout(200); // past any second save
  assert.equal(entryCount(await storage(page)), 1, "one entry");
  assert.equal(await app(page).locator("section.result").count(), 1);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("when the result's code cannot be fetched, the answers stay on screen and Finish pressed again shows the result", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { serviceWorkers: "block" });
  let fail = true;
  await page.route("**/src/views/result.js", (route) => (fail ? route.abort() : route.continue()));
  await gotoApp(page, env.server.url);
  const finish = await upToFinish(page, 3);
  await finish.click();
  await app(page).locator("p.notice[role=alert]").waitFor();
  assert.equal(await app(page).locator("section.questions").count(), 1, "the last screen of questions stays");
  assert.equal(entryCount(await storage(page)), 0, "nothing stored yet");
  assert.ok((await storage(page))["burnout-check:draft"], "the draft keeps the answers");
  fail = false;
  await finish.click();
  await resultSaved(page);
  assert.equal(entryCount(await storage(page)), 1);
  assert.ok(problems.consoleErrors.length > 0 && problems.consoleErrors.every((e) => e.includes("Failed to load resource") || e.includes("Failed to fetch dynamically imported module")), problems.consoleErrors.join("\n"));
  await context.close();
});
