// Taking a check: keyboard only, resuming after a reload, keeping the result.

import { test } from "node:test";
import assert from "node:assert/strict";
import { app, gotoApp, openPage, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

/** Which radio of the shadow root has focus: `{ item, value }` or the button's text. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.querySelector("burnout-check").shadowRoot.activeElement;
    if (!el) return null;
    return el.tagName === "INPUT" ? { name: el.name, value: el.value } : { tag: el.tagName, text: el.textContent };
  });
}

/** From the start screen: Tab to the form choice, arrows to pick `form`, Enter to start. */
async function startByKeyboard(page, form) {
  await page.keyboard.press("Tab"); // the heading has focus; Tab reaches the checked form radio
  assert.deepEqual(await focused(page), { name: "form", value: "full" });
  if (form === "quick") await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await app(page).locator("section.questions fieldset[data-item]").first().waitFor();
}

/** Answers every question with the number keys, Enter on each Next, and finishes from the context screen. */
async function answerAllByKeyboard(page, keyFor = () => "4") {
  for (;;) {
    const sets = app(page).locator("section.questions fieldset[data-item]");
    const n = await sets.count();
    if (n === 0) break;
    for (let i = 0; i < n; i++) {
      const f = await focused(page);
      assert.match(f.name, /^q-/, "focus is on a question");
      await page.keyboard.press(keyFor(f.name.slice(2)));
    }
    assert.equal((await focused(page)).tag, "BUTTON", "after the last question, focus is on Next");
    const pageLabel = await app(page).locator(".progress .muted").textContent();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (before) => document.querySelector("burnout-check").shadowRoot.querySelector(".progress .muted")?.textContent !== before,
      pageLabel,
    );
  }
  // The context screen: Tab to the first context question, arrow to an answer, Enter finishes.
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "ctx-duration");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await app(page).locator("section.result").waitFor();
}

test("a full check can be completed with the keyboard alone", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  await startByKeyboard(page, "full");
  assert.match(await app(page).locator(".progress-text").textContent(), /^0 of 3\d answered$/);
  await answerAllByKeyboard(page, () => "4");
  const result = app(page).locator("section.result");
  assert.ok((await result.locator(".profile-title").textContent()).length > 0);
  assert.ok((await result.locator(".explanation").textContent()).length > 20, "the core's explanation is shown");
  assert.ok(await result.locator(".next-steps li").count() > 0);
  assert.equal(await result.locator("svg.indices-chart[role=img] title").count(), 1);
  assert.match(await result.locator(".disclaimer").textContent(), /not a diagnosis/);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("a quick check by keyboard is kept in the history after a reload", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  await startByKeyboard(page, "quick");
  assert.match(await app(page).locator(".progress-text").textContent(), /^0 of [89] answered$/);
  await answerAllByKeyboard(page, () => "2");
  const profile = await app(page).locator("section.result .profile-title").textContent();
  assert.match(await app(page).locator("section.result").textContent(), /quick check does not ask about compensation/);

  await page.reload();
  await app(page).locator("section.start").waitFor(); // the draft is gone: a fresh start
  await app(page).getByRole("button", { name: "History", exact: true }).click();
  const rows = app(page).locator("table.entries tbody tr");
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().locator("td.profile").textContent(), profile);
  assert.equal(await rows.first().locator("td").nth(1).textContent(), "Quick check");
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});

test("a reload in the middle of a check resumes at the same screen with the answers given", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  await startByKeyboard(page, "quick");
  for (const key of ["1", "2", "3", "4"]) await page.keyboard.press(key);
  await page.keyboard.press("Enter");
  await app(page).getByText("Page 2 of").waitFor();
  await page.keyboard.press("5");

  await page.reload();
  await app(page).locator("section.questions").waitFor();
  assert.match(await app(page).locator(".progress .muted").textContent(), /^Page 2 of/);
  assert.match(await app(page).locator(".progress-text").textContent(), /^5 of/);
  assert.equal(await app(page).locator("progress").evaluate((p) => p.value), 5);
  assert.equal(await app(page).locator("fieldset[data-item]").first().locator('input[value="4"]').isChecked(), true);
  // Focus lands on the first open question, so typing simply continues.
  assert.match((await focused(page)).name, /^q-/);
  await app(page).getByRole("button", { name: "Back" }).click();
  assert.equal(await app(page).locator("fieldset[data-item]").nth(2).locator('input[value="2"]').isChecked(), true);
  await context.close();
});

test("going on with open questions says how many, and a second Next skips them", async () => {
  const { context, page } = await openPage(env.browser, env.server.url);
  await gotoApp(page, env.server.url);
  await startByKeyboard(page, "quick");
  await page.keyboard.press("3");
  await page.keyboard.press("Enter");
  const alert = app(page).locator("[role=alert]");
  assert.equal(await alert.textContent(), "Still open on this page: 3. Answer them, or press Next again to skip them.");
  assert.equal(await app(page).locator("fieldset.open").count(), 3);
  await page.keyboard.press("Enter");
  await app(page).getByText("Page 2 of").waitFor();
  await context.close();
});

test("number keys on narrow phones still answer, and the scale is single-column with large targets", async () => {
  const { context, page } = await openPage(env.browser, env.server.url, { viewport: { width: 360, height: 740 }, hasTouch: true });
  await gotoApp(page, env.server.url);
  await startByKeyboard(page, "quick");
  assert.equal(await app(page).locator("fieldset[data-item]").count(), 4);
  const boxes = await app(page).locator("fieldset[data-item]").first().locator("label").evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().toJSON()));
  assert.ok(boxes.every((b) => b.height >= 24 && b.width >= 24), "targets are at least 24px");
  assert.ok(boxes[1].top > boxes[0].top, "options are stacked");
  await context.close();
});
