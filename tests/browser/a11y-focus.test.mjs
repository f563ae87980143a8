// Focus and announcements: every step change puts focus on the new step's
// first question or its heading, dialogs take focus and give it back to their
// opener, focus is never dropped on the page, it is always visible, and one
// polite live region says where the person is.

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, gotoApp, openPage, useServerAndBrowser } from "./harness.mjs";
import { focused, go, seedHistory } from "./a11y-kit.mjs";

const env = useServerAndBrowser();

const NOW = new Date("2026-04-20T10:00:00+02:00");
const root = (page, fn, arg) => page.evaluate(fn, arg);
const live = (page) => root(page, () => document.querySelector("burnout-check").shadowRoot.querySelector(".live")?.textContent ?? null);
/** The `data-item` of the question holding focus. */
const focusedItem = (page) => root(page, () => document.querySelector("burnout-check").shadowRoot.activeElement?.closest("fieldset[data-item]")?.dataset.item ?? null);
const itemsOnScreen = (page) => app(page).locator("section.questions fieldset[data-item]").evaluateAll((sets) => sets.map((s) => s.dataset.item));

test("each step change moves focus to the new step's first question or heading, and announces it once", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { time: NOW });
  await gotoApp(page, env.server.url);
  const el = app(page);
  assert.deepEqual(await focused(page).then((f) => f && { tag: f.tag, heading: f.heading }), { tag: "h2", heading: true }, "start: the heading");
  // The live region is one node for the element's lifetime, or changes would go unheard.
  await root(page, () => { document.querySelector("burnout-check").shadowRoot.querySelector(".live").dataset.mark = "1"; });

  // Start -> first step: focus on the first question.
  await el.locator('input[name="form"][value="quick"]').check();
  await el.getByRole("button", { name: "Start" }).click();
  let screen = await itemsOnScreen(page);
  assert.equal(await focusedItem(page), screen[0], "step 1: first question");
  assert.match(await live(page), /^Questions, part 1 of \d+: 0 of \d+ answered\.$/);

  // Next with open questions: focus goes to the first open one, which names the warning.
  await el.locator(`fieldset[data-item="${screen[0]}"] input[value="1"]`).check();
  await el.getByRole("button", { name: "Next" }).click();
  assert.equal(await focusedItem(page), screen[1], "warning: the first open question");
  assert.equal(await el.locator(`fieldset[data-item="${screen[1]}"]`).getAttribute("aria-describedby"), "bc-open");

  // Next again (skipping): the next step's first question.
  await el.getByRole("button", { name: "Next" }).click();
  const second = await itemsOnScreen(page);
  assert.notDeepEqual(second, screen);
  assert.equal(await focusedItem(page), second[0], "step 2: first question");
  assert.match(await live(page), /^Questions, part 2 of \d+: 1 of \d+ answered\.$/);

  // Back: the first open question of step 1 (the first one is answered).
  await el.getByRole("button", { name: "Back" }).click();
  assert.equal(await focusedItem(page), screen[1], "back: first open question of step 1");

  // Forward to the context step: its heading.
  for (;;) {
    await el.getByRole("button", { name: "Next" }).click();
    if ((await el.locator("section.questions fieldset[data-item]").count()) === 0) break;
    await el.getByRole("button", { name: "Next" }).click().catch(() => {}); // a second press skips a warning
    if ((await el.locator("section.questions fieldset[data-item]").count()) === 0) break;
  }
  let f = await focused(page);
  assert.ok(f.heading && /context/i.test(f.text), `context step: its heading (${JSON.stringify(f)})`);

  // Finish (the open-question warning first keeps focus on the button), then the result's heading.
  await el.getByRole("button", { name: "See my result" }).click();
  assert.equal((await focused(page)).text, "See my result", "the warning leaves focus on the button");
  await el.getByRole("button", { name: "See my result" }).click();
  await el.locator("section.result").waitFor();
  f = await focused(page);
  assert.deepEqual([f.heading, f.text], [true, "Your result"]);
  assert.match(await live(page), /^Your result: .+/);

  // History: its heading; the live region falls silent.
  await el.getByRole("button", { name: "See history" }).click();
  f = await focused(page);
  assert.deepEqual([f.heading, f.text], [true, "Your history"]);
  assert.equal(await live(page), "");
  assert.equal(await root(page, () => document.querySelector("burnout-check").shadowRoot.querySelector(".live").dataset.mark), "1", "the same live region throughout");
  // Used sparingly: one polite region of our own, nothing else announcing.
  assert.equal(await root(page, () => document.querySelector("burnout-check").shadowRoot.querySelectorAll('[aria-live], [role="status"]').length), 1);

  // "Start over" from a check in progress: the start heading.
  await el.getByRole("button", { name: "Check", exact: true }).click();
  await el.locator('input[name="form"][value="quick"]').check();
  await el.getByRole("button", { name: "Start" }).click();
  await el.getByRole("button", { name: "Start over" }).click();
  f = await focused(page);
  assert.deepEqual([f.heading, f.text], [true, "How have the past two weeks been?"]);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("dialogs take focus, and closing them gives it back to the button that opened them", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url, { time: NOW });
  await page.goto(env.server.url);
  await app(page).locator("section.start").waitFor();
  await seedHistory(page, { entries: [{ date: "2026-04-01", level: "high" }, { date: "2026-04-14", level: "low" }] });
  await page.reload();
  const el = app(page);
  await go(page, "History", "section.history");

  // The crisis list: open by keyboard, Escape closes, focus back on its button.
  await el.locator("header button.crisis").focus();
  await page.keyboard.press("Enter");
  let f = await focused(page);
  assert.ok(f.inDialog, "focus moved into the crisis dialog");
  await page.keyboard.press("Escape");
  f = await focused(page);
  assert.deepEqual([f.inDialog, f.text], [false, "Need help now?"]);

  // Its Close button does the same.
  await page.keyboard.press("Enter");
  await el.locator("dialog.crisis-dialog").getByRole("button", { name: "Close" }).click();
  assert.equal((await focused(page)).text, "Need help now?");

  // Delete everything: Cancel has focus first; cancelling returns to the opener.
  await el.locator("button.delete-all").focus();
  await page.keyboard.press("Enter");
  f = await focused(page);
  assert.deepEqual([f.inDialog, f.text], [true, "Cancel"]);
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).text, "Delete everything");

  // The print options: focus on the first choice; Escape returns to the print button.
  await el.locator("section.history button.print-button").focus();
  await page.keyboard.press("Enter");
  f = await focused(page);
  assert.deepEqual([f.inDialog, f.tag, f.name], [true, "input", "scores"]);
  await page.keyboard.press("Escape");
  assert.equal((await focused(page)).text, "Print summary");

  // Deleting one check re-renders the history: focus lands on its heading, not on the page.
  await el.getByRole("button", { name: /^Delete the check from/ }).first().click();
  f = await focused(page);
  assert.deepEqual([f.heading, f.text], [true, "Your history"]);

  // Confirming "delete everything": the emptied history's heading.
  await el.locator("button.delete-all").click();
  await el.locator("dialog.confirm button[value=confirm]").click();
  await el.locator("section.history p.empty").waitFor();
  f = await focused(page);
  assert.deepEqual([f.heading, f.text], [true, "Your history"]);

  // The language switch keeps focus on the picker.
  await el.locator("select.language").selectOption("de");
  assert.equal((await focused(page)).tag, "select");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("focus is visible on every control reached by Tab, with a ring of at least 3:1 against the background", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { context, page } = await openPage(env.browser, env.server.url, { time: NOW, colorScheme });
    await page.goto(env.server.url);
    await app(page).locator("section.start").waitFor();
    await seedHistory(page, { entries: [{ date: "2026-04-01", level: "high" }, { date: "2026-04-14", level: "mid" }] });
    await page.reload();
    await app(page).locator("section.start").waitFor();
    for (const view of ["start", "history", "result"]) {
      if (view === "history") await go(page, "History", "section.history");
      if (view === "result") {
        await app(page).getByRole("button", { name: /^Show the check from/ }).first().click();
        await app(page).locator("section.result").waitFor();
      }
      const seen = new Set();
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press("Tab");
        const ring = await page.evaluate(() => {
          const host = document.querySelector("burnout-check");
          const el = host.shadowRoot.activeElement;
          if (document.activeElement !== host || !el) return null;
          const parse = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
          const lum = (rgb) => {
            const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          // The background the ring is drawn on: the nearest opaque one outside the control.
          let bgEl = el.parentElement;
          while (bgEl && /rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(bgEl).backgroundColor)) bgEl = bgEl.parentElement ?? bgEl.getRootNode().host;
          const bg = parse(getComputedStyle(bgEl ?? document.body).backgroundColor);
          const s = getComputedStyle(el);
          const [a, b] = [lum(parse(s.outlineColor)), lum(bg)].sort((x, y) => y - x);
          return { id: `${el.tagName} ${el.getAttribute("name") ?? el.textContent.trim().slice(0, 30)}`, style: s.outlineStyle, width: parseFloat(s.outlineWidth), contrast: (a + 0.05) / (b + 0.05) };
        });
        if (!ring || seen.has(ring.id)) continue;
        seen.add(ring.id);
        assert.equal(ring.style, "solid", `${colorScheme} ${view}: ${ring.id} shows a ring`);
        assert.ok(ring.width >= 2, `${colorScheme} ${view}: ${ring.id} ring width ${ring.width}`);
        assert.ok(ring.contrast >= 3, `${colorScheme} ${view}: ${ring.id} ring contrast ${ring.contrast.toFixed(2)}`);
      }
      assert.ok(seen.size >= 4, `${colorScheme} ${view}: several controls reached (${seen.size})`);
    }
    await context.close();
  }
});
