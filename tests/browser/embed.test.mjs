// Inline embedding on someone else's page: another origin, strict CSP, Trusted
// Types, a policy without wasm, hostile CSS, markup in attributes, the events a
// host receives (and what they never carry), two widgets side by side.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, startServer } from "./harness.mjs";
import { finishCheck, startHostServer } from "./embed-harness.mjs";

let widget; // www/ on its own origin, as a CDN would serve it (CORS on scripts and wasm)
let host; // the host pages, on another port = another origin
let browser;
before(async () => {
  process.env.CORS = "1";
  widget = await startServer();
  host = await startHostServer(widget.url);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.stop();
  await widget?.stop();
});

/** A fresh context on a host page; problems beyond the two origins are recorded. */
async function openHost(path, options = {}) {
  const { context, page, problems } = await openPage(browser, host.url, options);
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(host.url + path);
  const foreign = () => problems.foreignRequests.filter((u) => new URL(u).origin !== new URL(widget.url).origin);
  return { context, page, problems, pageErrors, foreign };
}

const events = (page) => page.evaluate(() => window.__events);
const violations = (page) => page.evaluate(() => window.__violations);

test("the widget does not take focus from the host page's own field when it starts; it takes it only when nothing has it", async () => {
  const { context, page } = await openHost("autofocus.html");
  const check = page.locator("burnout-check");
  await check.locator("section.start").waitFor();
  await page.waitForFunction(() => window.__events?.some((e) => e.type === "burnout-check:ready"));
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search", "the host's autofocused field keeps focus");
  // Steps the person takes still move focus, as everywhere.
  await check.locator('input[name="form"][value="quick"]').check();
  await check.getByRole("button", { name: "Start" }).click();
  await check.locator("section.questions").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "check", "focus moved into the widget on Start");
  await context.close();

  // With nothing focused on the page (inline.html), the start screen's heading takes it, as before.
  const plain = await openHost("inline.html");
  await plain.page.locator("burnout-check section.start").waitFor();
  await plain.page.waitForFunction(() => window.__events?.some((e) => e.type === "burnout-check:ready"));
  assert.equal(await plain.page.evaluate(() => document.querySelector("burnout-check").shadowRoot.activeElement?.tagName), "H2");
  await plain.context.close();
});

test("inline on another origin: a quick check, and the host gets typed events with nothing personal in them", async () => {
  const { context, page, problems, foreign } = await openHost("inline.html");
  const check = page.locator("burnout-check");
  await check.locator("section.start").waitFor();
  assert.match(await check.locator(".privacy").textContent(), /Nothing is sent anywhere/);
  await check.locator('input[name="form"][value="quick"]').check();
  await check.getByRole("button", { name: "Start" }).click();
  assert.equal(await check.locator(".share-notice").count(), 0);
  await finishCheck(check, 3);

  const got = await events(page);
  assert.deepEqual(got.map((e) => e.type), ["burnout-check:ready", "burnout-check:complete", "burnout-check:saved"]);
  for (const e of got) assert.deepEqual([e.bubbles, e.composed, e.custom, e.target], [true, true, true, "burnout-check#check"], e.type);
  assert.deepEqual(got[0].detail, { locale: "en", persistent: true });
  assert.deepEqual(got[1].detail, { form: "quick", shared: false }, "no profile, indices or answers without share-result");
  assert.deepEqual(got[2].detail, { form: "quick", persistent: true });
  // Inline, the history lives in the host origin's storage, under the widget's namespace.
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("host-inline:"))));
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(foreign(), []);
  await context.close();
});

test("share-result: the person is told who will see the result before starting, and only then it is sent", async () => {
  const { context, page } = await openHost(`inline.html?attrs=${encodeURIComponent(JSON.stringify({ "share-result": "" }))}`);
  const check = page.locator("burnout-check");
  const notice = check.locator("section.start .share-notice");
  await notice.waitFor();
  const hostName = new URL(host.url).host;
  assert.ok((await notice.textContent()).includes(`(${hostName})`), "names the site that will see it");
  assert.match(await notice.textContent(), /never your answers/);
  assert.doesNotMatch(await check.locator("section.start").textContent(), /Nothing is sent anywhere/);
  await check.locator('input[name="form"][value="quick"]').check();
  await check.getByRole("button", { name: "Start" }).click();
  assert.match(await check.locator("main > .share-notice").textContent(), new RegExp(`${hostName.replace(/\./g, "\\.")} will be shown your profile and scores`));
  await finishCheck(check, 3);

  const complete = (await events(page)).find((e) => e.type === "burnout-check:complete");
  assert.deepEqual(Object.keys(complete.detail).sort(), ["form", "result", "shared"]);
  assert.equal(complete.detail.shared, true);
  assert.deepEqual(Object.keys(complete.detail.result).sort(), ["indices", "profile"]);
  assert.equal(complete.detail.result.profile, await check.locator(".profile-title[data-profile]").getAttribute("data-profile"));
  const indices = complete.detail.result.indices;
  assert.deepEqual(Object.keys(indices).sort(), ["compensation", "load", "mismatch", "strain", "wear"]);
  assert.equal(typeof indices.strain, "number");
  assert.equal(indices.compensation, null, "the quick check does not ask about compensation");

  // Added after the check began, the attribute does not count: the person was not told.
  await check.getByRole("button", { name: "New check" }).click();
  await page.evaluate(() => document.querySelector("burnout-check").removeAttribute("share-result"));
  await check.locator('input[name="form"][value="quick"]').check();
  await check.getByRole("button", { name: "Start" }).click();
  await page.evaluate(() => document.querySelector("burnout-check").setAttribute("share-result", ""));
  await finishCheck(check, 1);
  const last = (await events(page)).filter((e) => e.type === "burnout-check:complete").at(-1);
  assert.deepEqual(last.detail, { form: "quick", shared: false });
  await context.close();
});

for (const [name, path] of [["the strict CSP page", "csp.html"], ["the Trusted Types page", "trusted-types.html"]]) {
  test(`${name}: a whole journey with zero policy violations`, async () => {
    const { context, page, problems, foreign } = await openHost(path);
    const check = page.locator("burnout-check");
    await check.locator("section.start").waitFor();
    await check.getByRole("button", { name: "Need help now?" }).click();
    await check.locator("dialog.crisis-dialog").getByRole("button", { name: "Close" }).click();
    await check.locator('input[name="form"][value="quick"]').check();
    await check.getByRole("button", { name: "Start" }).click();
    await finishCheck(check, 2);
    await check.getByRole("button", { name: "See history" }).click();
    const download = page.waitForEvent("download");
    await check.getByRole("button", { name: /Export JSON/ }).click();
    assert.match((await download).suggestedFilename(), /\.json$/);
    await check.locator("select.language").selectOption("de");
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(foreign(), []);
    await context.close();
  });
}

test("inline on another origin in Spanish: the core's text table comes from the widget's origin (CORS), the check is Spanish throughout", async () => {
  const { context, page, problems, foreign } = await openHost(`inline.html?attrs=${encodeURIComponent(JSON.stringify({ lang: "es" }))}`);
  const check = page.locator("burnout-check");
  await check.locator("section.start").waitFor();
  await check.locator('input[name="form"][value="quick"]').check();
  await check.getByRole("button", { name: "Empezar" }).click();
  assert.match(await check.locator("fieldset[data-item] legend").first().textContent(), /Me siento sin energía incluso después de dormir bien/);
  await finishCheck(check, 3);
  assert.match(await check.locator("section.result").textContent(), /Tus respuestas|Tu desgaste|Parece que/);
  const tables = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((u) => /\/pkg\/texts-\w+\.json$/.test(u)));
  // Spanish with the interface texts; English (the fallback) with the views, each once.
  assert.deepEqual(tables.sort(), [`${widget.url}pkg/texts-en.json`, `${widget.url}pkg/texts-es.json`]);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(foreign(), []);
  await context.close();
});

test("a page whose CSP forbids wasm: a clear message in the widget, an error event, nothing thrown into the page", async () => {
  const { context, page, pageErrors } = await openHost("no-wasm.html");
  const check = page.locator("burnout-check");
  const message = check.locator('.error[role="alert"]');
  await message.waitFor();
  assert.match(await message.textContent(), /security settings do not let the check run here/);
  assert.match(await message.textContent(), /'wasm-unsafe-eval'/);
  const got = await events(page);
  assert.deepEqual(got.map((e) => [e.type, e.detail.code]), [["burnout-check:error", "wasm-blocked"]]);
  assert.deepEqual(pageErrors, []);
  // The page around it is untouched and keeps working.
  assert.equal(await page.locator("h1").textContent(), "Host page: a policy that forbids WebAssembly");
  assert.equal(await check.getByRole("button", { name: "Need help now?" }).isEnabled(), true, "the crisis list still opens");
  await check.getByRole("button", { name: "Need help now?" }).click();
  assert.match(await check.locator("dialog.crisis-dialog").textContent(), /112 in the EU/);
  await context.close();
});

test("attribute values with markup are shown or used as text, never interpreted", async () => {
  const evil = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script><b>bold</b>";
  const attrs = {
    lang: `"><img src=x onerror=window.__pwned=3>`,
    form: evil,
    theme: evil,
    "storage-key": `k<img src=x onerror=window.__pwned=4>`,
    "crisis-resources": JSON.stringify({ intro: evil, lines: [evil, { text: "Call <i>us</i>", href: "tel:+15550100" }], note: "</ul><b>note</b>" }),
  };
  const { context, page, problems } = await openHost(`csp.html?attrs=${encodeURIComponent(JSON.stringify(attrs))}`);
  const check = page.locator("burnout-check");
  await check.locator("section.start").waitFor();
  assert.equal(await check.locator("main h2").textContent(), "How have the past two weeks been?", "unknown lang falls back to English");
  assert.equal(await check.locator('input[name="form"]:checked').getAttribute("value"), "full", "unknown form falls back to full");
  await check.getByRole("button", { name: "Need help now?" }).click();
  const dialog = check.locator("dialog.crisis-dialog");
  const text = await dialog.textContent();
  assert.ok(text.includes(evil), "the host's text appears literally");
  assert.ok(text.includes("</ul><b>note</b>"));
  assert.equal(await dialog.locator("a").getAttribute("href"), "tel:+15550100");
  const inShadow = await page.evaluate(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll("img, script, b, i").length);
  assert.equal(inShadow, 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The namespace is a plain prefix, whatever it contains.
  await dialog.getByRole("button", { name: "Close" }).click();
  await check.getByRole("button", { name: "Start" }).click();
  await check.locator("fieldset[data-item]").first().locator('input[value="2"]').check();
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("k<img src=x onerror=window.__pwned=4>:"))));
  assert.deepEqual(await violations(page), [], "no inline handler or script was even attempted");
  assert.deepEqual(problems.consoleErrors, []);
  assert.ok(!problems.foreignRequests.length && !(await page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith("/x")))));

  // A link with an unsafe scheme rejects the whole list: the built-in one stays, and the host hears why.
  await page.evaluate(() => document.querySelector("burnout-check").setAttribute("crisis-resources", JSON.stringify([{ text: "x", href: "javascript:window.__pwned=5" }])));
  await page.waitForFunction(() => window.__events.some((e) => e.type === "burnout-check:error"));
  const error = (await events(page)).find((e) => e.type === "burnout-check:error");
  assert.equal(error.detail.code, "bad-attribute");
  assert.match(error.detail.message, /crisis-resources\.lines\[0\]\.href: only https:, tel:, sms: and mailto: links/);
  await check.getByRole("button", { name: "Need help now?" }).click();
  assert.match(await dialog.textContent(), /Samaritans, 116 123/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test("two widgets with different storage-key on one page keep separate histories", async () => {
  const { context, page, problems } = await openHost("two.html");
  const alpha = page.locator("#alpha");
  const beta = page.locator("#beta");
  await alpha.locator("section.start").waitFor();
  await beta.locator("section.start").waitFor();
  await alpha.getByRole("button", { name: "Start" }).click();
  await finishCheck(alpha, 1);
  await alpha.getByRole("button", { name: "See history" }).click();
  assert.equal(await alpha.locator("table.entries tbody tr").count(), 1);
  await beta.getByRole("button", { name: "History", exact: true }).click();
  assert.equal(await beta.locator("table.entries tbody tr").count(), 0);

  await beta.getByRole("button", { name: "Check", exact: true }).click();
  await beta.getByRole("button", { name: "Start" }).click();
  await finishCheck(beta, 3);
  await beta.getByRole("button", { name: "See history" }).click();
  assert.equal(await beta.locator("table.entries tbody tr").count(), 1);
  await page.reload();
  await alpha.getByRole("button", { name: "History", exact: true }).click();
  await beta.getByRole("button", { name: "History", exact: true }).click();
  assert.equal(await alpha.locator("table.entries tbody tr").count(), 1);
  assert.equal(await beta.locator("table.entries tbody tr").count(), 1);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.every((k) => k.startsWith("alpha:") || k.startsWith("beta:")), keys.join());
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

/** Text settings inside the widget, and every box that sticks out of it or of the page. */
function layoutReport() {
  const root = document.querySelector("burnout-check").shadowRoot;
  const app = root.querySelector(".app");
  const s = getComputedStyle(app);
  const box = app.getBoundingClientRect();
  const sticking = [];
  for (const el of root.querySelectorAll("h2, p, legend, label, button, select, input, li")) {
    const r = el.getBoundingClientRect();
    if ((r.width === 0 && r.height === 0) || el.closest(".visually-hidden")) continue;
    if (r.left < box.left - 1 || r.right > box.right + 1) sticking.push(`${el.localName}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(box.left)}..${Math.round(box.right)}`);
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") sticking.push(`${el.localName}.${el.className} clips its text: ${el.textContent.slice(0, 40)}`);
  }
  return {
    fontSize: parseFloat(s.fontSize),
    lineRatio: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
    letterSpacing: s.letterSpacing,
    wordSpacing: s.wordSpacing,
    textTransform: s.textTransform,
    whiteSpace: s.whiteSpace,
    textIndent: s.textIndent,
    fontStyle: s.fontStyle,
    color: s.color,
    comic: /comic/i.test(s.fontFamily),
    direction: s.direction,
    sticking,
    pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    appInView: box.left >= 0 && box.right <= document.documentElement.clientWidth,
    brandGaps: (({ left, right }) => [left - box.left, box.right - right])(root.querySelector(".brand").getBoundingClientRect()),
  };
}

test("aggressive global CSS, a large base font and right-to-left: still readable, nothing overflows", async () => {
  for (const [dir, width] of [["ltr", 1024], ["rtl", 1024], ["rtl", 360]]) {
    const { context, page, problems } = await openHost(`hostile.html?dir=${dir}`, { viewport: { width, height: 800 } });
    const check = page.locator("burnout-check");
    await check.locator("section.start").waitFor();
    for (const screen of ["start", "questions"]) {
      const r = await page.evaluate(layoutReport);
      const where = `${dir} ${width}px ${screen}`;
      assert.equal(r.fontSize, 24, `${where}: text follows the page's root size (24px), not the 9px forced on the element`);
      assert.ok(r.lineRatio >= 1.4, `${where}: line height ${r.lineRatio}`);
      assert.deepEqual([r.letterSpacing, r.wordSpacing, r.textTransform, r.whiteSpace, r.textIndent, r.fontStyle, r.comic],
        ["normal", "0px", "none", "normal", "0px", "normal", false], where);
      assert.equal(r.color, "rgb(31, 35, 40)", `${where}: our text colour, not the page's forced magenta`);
      assert.equal(r.direction, dir, `${where}: the page's direction is kept`);
      assert.deepEqual(r.sticking, [], where);
      assert.equal(r.pageScrolls, false, `${where}: no horizontal scrolling`);
      assert.equal(r.appInView, true, where);
      if (dir === "rtl") assert.ok(r.brandGaps[1] < r.brandGaps[0], `${where}: the title starts on the right (${r.brandGaps})`);
      if (screen === "start") {
        await check.getByRole("button", { name: "Start" }).click();
        await check.locator("section.questions").waitFor();
      }
    }
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  }
});
