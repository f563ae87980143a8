// Languages: the locale from the nearest `lang`, dates and numbers through
// Intl in that locale, and the person's own pick remembered across visits
// (under the element's namespace, never written where the history may not be).
// The de/es renderings of every state are checked for English left-overs in a11y.test.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { app, gotoApp, openPage, useServerAndBrowser } from "./harness.mjs";
import { go, seedHistory } from "./a11y-kit.mjs";

const env = useServerAndBrowser();

const NOW = new Date("2026-04-20T10:00:00+02:00");
const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
const heading = (page) => app(page).locator("main h2").first().textContent();

test("the language a person picks is remembered across reloads, and forgotten with everything else", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { time: NOW });
  await gotoApp(page, env.server.url);
  assert.equal(await heading(page), "How have the past two weeks been?");
  await app(page).locator("select.language").selectOption("es");
  assert.equal(await page.evaluate(() => localStorage.getItem("burnout-check:lang")), "es");

  await page.reload();
  await app(page).locator("section.start").waitFor();
  assert.equal(await heading(page), "¿Cómo han sido las últimas dos semanas?");
  assert.equal(await app(page).locator("select.language").inputValue(), "es");

  // "Delete everything" takes the remembered language too.
  await go(page, "Historial", "section.history");
  await app(page).locator("button.delete-all").click();
  await app(page).locator("dialog.confirm button[value=confirm]").click();
  // The history was already empty, so the empty state proves nothing: wait (bounded) for the
  // deletion itself, which runs after the dialog's close event.
  await page.waitForFunction(() => localStorage.length === 0, null, { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await snapshot(page), {});
  await page.reload();
  await app(page).locator("section.start").waitFor();
  assert.equal(await heading(page), "How have the past two weeks been?");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("on a host page, the pick is kept under that element's storage-key and wins over the page's language", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { time: NOW });
  await page.goto(`${env.server.url}demo/`);
  const demo = page.locator("burnout-check");
  await demo.locator("section.start").waitFor();
  assert.equal(await demo.locator("main h2").first().textContent(), "¿Cómo han sido las últimas dos semanas?", "the page says es");
  await demo.locator("select.language").selectOption("de");
  const keys = await snapshot(page);
  assert.equal(keys["demo-check:lang"], "de");
  assert.equal(keys["burnout-check:lang"], undefined);
  await page.reload();
  await demo.locator("section.start").waitFor();
  assert.equal(await demo.locator("main h2").first().textContent(), "Wie waren die letzten zwei Wochen?");
  await context.close();
});

test("a read-only history (saved by a newer version) or blocked storage: the language switches, and not one byte is written", async () => {
  const fixture = JSON.parse(await readFile(new URL("../fixtures/storage/newer_schema.json", import.meta.url), "utf8"));
  const { context, page, problems } = await openPage(env.browser, env.server.url, { time: NOW });
  await page.goto(env.server.url);
  await page.evaluate((pairs) => { localStorage.clear(); for (const [k, v] of Object.entries(pairs)) localStorage.setItem(k, v); }, fixture);
  await page.reload();
  await app(page).locator("section.start").waitFor();
  const before = await snapshot(page);
  await app(page).locator("select.language").selectOption("de");
  await app(page).getByRole("heading", { name: "Wie waren die letzten zwei Wochen?" }).waitFor(); // its texts are fetched first
  assert.equal(await heading(page), "Wie waren die letzten zwei Wochen?");
  assert.deepEqual(await snapshot(page), before, "nothing written");
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();

  const blocked = await openPage(env.browser, env.server.url, { time: NOW });
  await blocked.page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await gotoApp(blocked.page, env.server.url);
  await app(blocked.page).locator("select.language").selectOption("es");
  await app(blocked.page).getByRole("heading", { name: "¿Cómo han sido las últimas dos semanas?" }).waitFor(); // its texts are fetched first
  assert.equal(await heading(blocked.page), "¿Cómo han sido las últimas dos semanas?");
  assert.deepEqual(blocked.problems.consoleErrors, []);
  await blocked.context.close();
});

test("an element without its own lang follows the nearest ancestor's", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { time: NOW });
  await gotoApp(page, env.server.url);
  await page.evaluate(() => {
    const wrap = document.createElement("div");
    wrap.lang = "de-CH";
    const el = document.createElement("burnout-check");
    el.setAttribute("storage-key", "nested");
    wrap.append(el);
    document.body.append(wrap);
  });
  const nested = page.locator('burnout-check[storage-key="nested"]');
  await nested.locator("section.start").waitFor();
  assert.equal(await nested.locator("main h2").textContent(), "Wie waren die letzten zwei Wochen?");
  await context.close();
});

test("dates and numbers are written by Intl in the element's language", async () => {
  for (const [locale, date] of [["de", "14.04.2026"], ["es", "14 abr 2026"], ["en", "Apr 14, 2026"]]) {
    const { context, page } = await openPage(env.browser, env.server.url, { time: NOW, locale });
    // Record which locales numbers are formatted for.
    await page.addInitScript(() => {
      const Native = Intl.NumberFormat;
      window.__numberLocales = [];
      const Spy = function NumberFormat(loc, options) {
        window.__numberLocales.push(String(loc));
        return new Native(loc, options);
      };
      Spy.prototype = Native.prototype;
      Spy.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
      Intl.NumberFormat = Spy;
    });
    await page.goto(env.server.url);
    await app(page).locator("section.start").waitFor();
    await seedHistory(page, { entries: [{ date: "2026-03-23", level: "low" }, { date: "2026-04-14", level: "high" }] });
    await page.reload();
    await app(page).locator("section.start").waitFor();
    await app(page).locator("nav button").nth(1).click();
    await app(page).locator("section.history").waitFor();
    const row = app(page).locator("table.entries tbody tr").first();
    assert.equal(await row.locator("td").first().textContent(), date, `${locale}: the date`);
    assert.equal(await row.locator("td.num").textContent(), await page.evaluate((l) => new Intl.NumberFormat(l).format(100), locale));
    // The change since the check before carries its sign the way the locale writes it.
    const plus = await page.evaluate((l) => new Intl.NumberFormat(l, { signDisplay: "exceptZero" }).format(100), locale);
    assert.ok((await app(page).locator(".trend-summary").textContent()).includes(plus), `${locale}: ${plus}`);
    const used = await page.evaluate(() => window.__numberLocales);
    assert.ok(used.length > 0, `${locale}: numbers went through Intl.NumberFormat`);
    assert.deepEqual([...new Set(used)], [locale], `${locale}: every number in the element's language`);
    await context.close();
  }
});
