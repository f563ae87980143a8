// The iframe mode on a host from another origin: the frame sizes itself through
// postMessage, the host hears the same events, and the history stays out of the
// host's reach. Messages flow only between the named origins.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, startServer } from "./harness.mjs";
import { finishCheck, startHostServer } from "./embed-harness.mjs";

let widget;
let host;
let browser;
before(async () => {
  process.env.CORS = "1"; // the host loads embed-host.js from the widget's origin
  widget = await startServer();
  host = await startHostServer(widget.url);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.stop();
  await widget?.stop();
});

async function openFrameHost(query = "") {
  const { context, page, problems } = await openPage(browser, host.url);
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${host.url}frame.html${query}`);
  const check = page.frameLocator("burnout-check-frame >> iframe").locator("burnout-check");
  const frame = async () => {
    await page.locator("burnout-check-frame iframe").waitFor({ state: "attached" });
    return page.frames().find((f) => f.url().startsWith(`${widget.url}embed.html`));
  };
  return { context, page, problems, pageErrors, check, frame };
}

/** The frame element's height, and how far its content overflows it (0 = fits, no inner scrolling). */
const fit = async (page, frame) => ({
  outer: await page.evaluate(() => document.querySelector("burnout-check-frame").frame.getBoundingClientRect().height),
  overflow: await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
});

async function waitForFit(page, frame) {
  for (let i = 0; i < 100; i++) {
    const f = await fit(page, frame);
    if (f.overflow <= 0) return f;
    await page.waitForTimeout(50);
  }
  return fit(page, frame);
}

test("iframe mode on another origin: a journey in the host's language, sized to fit, events relayed, history out of the host's reach", async () => {
  const { context, page, problems, pageErrors, check, frame } = await openFrameHost();
  await check.locator("section.start").waitFor();
  assert.equal(await check.locator("main h2").textContent(), "Wie waren die letzten zwei Wochen?", "lang from the host page");
  const f = await frame();
  assert.equal(await page.evaluate(() => document.querySelector("burnout-check-frame").frame.getAttribute("sandbox")),
    "allow-scripts allow-same-origin allow-forms allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox");
  const atStart = await waitForFit(page, f);
  assert.ok(atStart.overflow <= 0 && atStart.outer > 200, `start fits: ${JSON.stringify(atStart)}`);

  // The crisis dialog opens and closes (forms work in the sandbox).
  await check.getByRole("button", { name: "Jetzt Hilfe nötig?" }).click();
  await check.locator("dialog.crisis-dialog").getByRole("button", { name: "Schließen" }).click();

  await check.locator('input[name="form"][value="quick"]').check();
  await check.getByRole("button", { name: "Los geht’s" }).click();
  await finishCheck(check, 3);
  const atResult = await waitForFit(page, f);
  assert.ok(atResult.overflow <= 0, `result fits: ${JSON.stringify(atResult)}`);
  assert.notEqual(Math.round(atResult.outer), Math.round(atStart.outer), "the frame followed its content");

  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e.type), ["burnout-check:ready", "burnout-check:complete", "burnout-check:saved"]);
  for (const e of events) assert.deepEqual([e.bubbles, e.composed, e.custom, e.target], [true, true, true, "burnout-check-frame#check"]);
  assert.deepEqual(events[1].detail, { form: "quick", shared: false });

  // Downloads work in the sandbox.
  await check.getByRole("button", { name: "Verlauf ansehen" }).click();
  const download = page.waitForEvent("download");
  await check.getByRole("button", { name: /JSON/ }).first().click();
  assert.match((await download).suggestedFilename(), /\.json$/);

  // The history lives in the widget's origin; the host can neither read it nor holds a copy.
  assert.ok(await f.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("host-frame:"))));
  const hostSide = await page.evaluate(() => {
    let framed;
    try {
      framed = document.querySelector("burnout-check-frame").frame.contentWindow.localStorage.length;
    } catch (e) {
      framed = e.name;
    }
    return { framed, own: localStorage.length };
  });
  assert.deepEqual(hostSide, { framed: "SecurityError", own: 0 });
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(problems.foreignRequests.filter((u) => new URL(u).origin !== new URL(widget.url).origin), []);
  await context.close();
});

test("share-result through the frame: the notice names the host, and the result reaches it", async () => {
  const { context, page, check } = await openFrameHost(`?attrs=${encodeURIComponent(JSON.stringify({ "share-result": "", lang: "en" }))}`);
  const notice = check.locator("section.start .share-notice");
  await notice.waitFor();
  assert.ok((await notice.textContent()).includes(`(${new URL(host.url).host})`), "the host's origin, not the widget's");
  await check.locator('input[name="form"][value="quick"]').check();
  await check.getByRole("button", { name: "Start" }).click();
  await finishCheck(check, 1);
  const complete = (await page.evaluate(() => window.__events)).find((e) => e.type === "burnout-check:complete");
  assert.equal(complete.detail.shared, true);
  assert.deepEqual(Object.keys(complete.detail.result).sort(), ["indices", "profile"]);
  await context.close();
});

test("a dialog opened inside a tall frame is scrolled into the host's view (reveal), and a look-alike reveal is ignored", async () => {
  const { context, page, check, frame } = await openFrameHost();
  await page.setViewportSize({ width: 400, height: 560 });
  await check.locator("section.start").waitFor();
  const f = await frame();
  await check.locator('input[name="form"][value="quick"]').check();
  await check.getByRole("button", { name: "Los geht’s" }).click();
  await finishCheck(check, 3);
  await waitForFit(page, f);
  const frameHeight = await page.evaluate(() => document.querySelector("burnout-check-frame").frame.getBoundingClientRect().height);
  assert.ok(frameHeight > 2 * 560, `the result makes the frame taller than two screens (${frameHeight})`);

  // Where the dialog is, seen from the host: the frame's place plus the dialog's place in it.
  const dialogInHost = () =>
    Promise.all([
      page.evaluate(() => document.querySelector("burnout-check-frame").frame.getBoundingClientRect().top),
      f.evaluate(() => {
        const d = document.querySelector("burnout-check").shadowRoot.querySelector("dialog.crisis-dialog");
        const box = d.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom };
      }),
    ]).then(([frameTop, box]) => ({ top: frameTop + box.top, bottom: frameTop + box.bottom }));

  // A look-alike reveal from the host page itself moves nothing.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => window.postMessage({ type: "burnout-check:reveal", top: 5000, height: 10 }, "*"));
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.scrollY), 0);

  // The help button sits at the top of the widget; its dialog opens in the middle of the tall frame.
  await check.getByRole("button", { name: "Jetzt Hilfe nötig?" }).first().click();
  await check.locator("dialog.crisis-dialog[open]").waitFor();
  // On screen: all of it, or its top when it is taller than the host's viewport.
  const onScreen = ({ top, bottom }) => top >= -1 && top < 560 && (bottom - top > 560 || bottom <= 561);
  let seen;
  for (let i = 0; i < 40; i++) {
    seen = await dialogInHost();
    if (onScreen(seen)) break;
    await page.waitForTimeout(50);
  }
  assert.ok(onScreen(seen), `the dialog is on screen in the host: ${JSON.stringify(seen)}`);
  assert.ok(await page.evaluate(() => window.scrollY) > 0, "the host scrolled to it");
  await context.close();
});

test("messages go only between the named origins", async () => {
  const { context, page, check, frame } = await openFrameHost();
  await check.locator("section.start").waitFor();
  const f = await frame();
  await waitForFit(page, f);
  const before = await page.evaluate(() => document.querySelector("burnout-check-frame").frame.getBoundingClientRect().height);

  // The host ignores look-alike messages that do not come from its frame.
  await page.evaluate(() => {
    window.postMessage({ type: "burnout-check:size", height: 5 }, "*");
    window.postMessage({ type: "burnout-check:event", name: "burnout-check:complete", detail: { form: "fake" } }, "*");
  });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.querySelector("burnout-check-frame").frame.getBoundingClientRect().height), before);
  assert.ok(!(await page.evaluate(() => window.__events.some((e) => e.detail?.form === "fake"))));

  // A frame told a parent origin that is not its real parent sends nothing at all,
  // and shares nothing even when asked to.
  await page.evaluate((src) => {
    const received = [];
    window.addEventListener("message", (e) => received.push(e.data?.type));
    const iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms");
    iframe.id = "wrong";
    iframe.src = `${src}#origin=${encodeURIComponent("http://127.0.0.1:9")}&share-result`;
    document.body.append(iframe);
    window.__wrong = received;
  }, `${widget.url}embed.html`);
  const wrongCheck = page.frameLocator("#wrong").locator("burnout-check");
  await wrongCheck.locator("section.start").waitFor();
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.__wrong), []);
  assert.equal(await wrongCheck.locator(".share-notice").count(), 0);

  // The frame answers a hello from the named parent with its size, and ignores
  // the same message from anyone else (here: a script in the frame itself).
  await page.evaluate(() => {
    window.__sizes = 0;
    window.addEventListener("message", (e) => { if (e.data?.type === "burnout-check:size") window.__sizes++; });
  });
  await f.evaluate(() => window.postMessage({ type: "burnout-check:hello" }, "*"));
  await page.waitForTimeout(150);
  assert.equal(await page.evaluate(() => window.__sizes), 0);
  await page.evaluate((origin) => document.querySelector("burnout-check-frame").frame.contentWindow.postMessage({ type: "burnout-check:hello" }, origin), new URL(widget.url).origin);
  await page.waitForFunction(() => window.__sizes >= 1);
  await context.close();
});

test("embed.html opened on its own: a working check that shares nothing", async () => {
  const { context, page, problems } = await openPage(browser, widget.url);
  const markup = "<img src=x onerror=window.__pwned=1><b>x</b>";
  const crisis = encodeURIComponent(JSON.stringify([markup]));
  await page.goto(`${widget.url}embed.html#origin=${encodeURIComponent(host.url.slice(0, -1))}&share-result&lang=es&form=quick&storage-key=${encodeURIComponent(markup)}&crisis-resources=${crisis}`);
  const check = page.locator("burnout-check");
  await check.locator("section.start").waitFor();
  assert.equal(await check.locator("main h2").textContent(), "¿Cómo han sido las últimas dos semanas?");
  assert.equal(await check.getAttribute("share-result"), null);
  assert.equal(await check.locator(".share-notice").count(), 0);
  assert.equal(await check.locator('input[name="form"]:checked').getAttribute("value"), "quick");
  // Fragment values are attribute text like any other: shown literally, never parsed as markup.
  await check.getByRole("button", { name: "¿Necesitas ayuda ya?" }).click();
  assert.ok((await check.locator("dialog.crisis-dialog").textContent()).includes(markup));
  assert.equal(await page.evaluate(() => document.querySelector("burnout-check").shadowRoot.querySelectorAll("img, b").length), 0);
  assert.equal(await check.getAttribute("storage-key"), "<img src=x onerror=window.__pwned=1><b>x</b>");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [] });
  await context.close();
});
