// Shared set-up for the browser tests: the real server (scripts/serve.mjs) as a
// child process on a free port, one Chromium per test file, a fresh context per
// test, and a record of console errors and requests to other origins.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

const SERVE = fileURLToPath(new URL("../../scripts/serve.mjs", import.meta.url));
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Starts scripts/serve.mjs on a free port, serving `root` (dist or www); resolves to `{ url, stop }`. */
export async function startServer({ root = process.env.ROOT ?? "dist" } = {}) {
  const child = spawn(process.execPath, [SERVE], { env: { ...process.env, PORT: "0", ROOT: root }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${output}`)), 10000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/http:\/\/[\d.]+:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c) => (output += c));
    child.once("exit", (code) => reject(new Error(`serve.mjs exited (${code}): ${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return; // already gone
      child.kill();
      await once(child, "exit");
    },
  };
}

/**
 * The usual set-up of a test file: the server and one Chromium, started before
 * its tests and stopped after them. The returned object is filled in by `before`.
 */
export function useServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * A fresh context and page on `baseUrl`. Records console errors, page errors and
 * requests to any other origin in `problems`. `time` pins the clock (local
 * wall time in `timezoneId`), so dates are what the test says.
 */
export async function openPage(browser, baseUrl, { locale = "en-US", timezoneId = "Europe/Berlin", time, colorScheme = "light", ...options } = {}) {
  const context = await browser.newContext({ locale, timezoneId, colorScheme, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = { consoleErrors: [], foreignRequests: [] };
  const origin = new URL(baseUrl).origin;
  const watch = (p) => {
    p.on("console", (m) => m.type() === "error" && problems.consoleErrors.push(m.text()));
    p.on("pageerror", (e) => problems.consoleErrors.push(String(e)));
  };
  watch(page);
  context.on("page", watch);
  context.on("request", (r) => {
    const u = new URL(r.url());
    if ((u.protocol === "http:" || u.protocol === "https:" || u.protocol === "ws:" || u.protocol === "wss:") && u.origin !== origin) {
      problems.foreignRequests.push(r.url());
    }
  });
  if (time !== undefined) await page.clock.setFixedTime(time);
  return { context, page, problems };
}

/**
 * Holds back every request of `page` for `pattern` until `release()`; `asked()` is
 * how often the page asked. Routes do not see what a service worker serves: open
 * the page with `serviceWorkers: "block"` when one would.
 */
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let asked = 0;
  await page.route(pattern, async (route) => {
    asked++;
    await held;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/** Loads the standalone page and waits until the element shows its start or question screen. */
export async function gotoApp(page, baseUrl) {
  await page.goto(baseUrl);
  await page.locator("burnout-check section.start, burnout-check section.questions").first().waitFor();
  // The start screen shows before the core has loaded; the navigation is enabled once it has.
  await page.locator("burnout-check header nav button:not([disabled])").first().waitFor();
}

/** The element's shadow content: playwright's CSS locators pierce open shadow roots. */
export const app = (page) => page.locator("burnout-check");

/** Pins the page clock to a new local date (for a later page load in the same context). */
export async function setDate(page, time) {
  await page.clock.setFixedTime(time);
}

/**
 * Answers every question on every screen by clicking, choosing per item with
 * `pick(item)` (an item is `{ id, construct, reverse }`), and finishes.
 */
export async function completeByClicking(page, pick) {
  for (;;) {
    const section = page.locator("burnout-check section.questions");
    await section.waitFor();
    const sets = section.locator("fieldset[data-item]");
    const n = await sets.count();
    if (n === 0) {
      await section.locator('button[type="submit"]').click();
      break;
    }
    for (let i = 0; i < n; i++) {
      const set = sets.nth(i);
      const id = await set.getAttribute("data-item");
      const value = await pick(id);
      await set.locator(`input[value="${value}"]`).check();
    }
    const page1 = await section.locator(".progress .muted").textContent();
    await section.locator('button[type="submit"]').click();
    await page.waitForFunction((before) => {
      const el = document.querySelector("burnout-check")?.shadowRoot;
      return !el?.querySelector(".progress .muted") || el.querySelector(".progress .muted").textContent !== before;
    }, page1);
  }
  await resultSaved(page);
}

/**
 * Waits for the result and for it to be stored: the element shows the result
 * first and saves it once drawn (`data-saving` is on the section until then).
 */
export async function resultSaved(page, root = page.locator("burnout-check")) {
  await root.locator("section.result:not([data-saving])").waitFor();
}

/** The questionnaire of `form` straight from the core, for tests that need item keying. */
export async function questionnaireOf(page, form) {
  return page.evaluate(async (form) => {
    const core = await import("/pkg/burnout_check.js");
    await core.default({ module_or_path: "/pkg/burnout_check_bg.wasm" });
    if (!core.hasTexts("en")) core.setTexts(await (await fetch("/pkg/texts-en.json")).text());
    return core.questionnaire({ form, locale: "en" });
  }, form);
}

/** A picker answering so that strain comes out highest (`"high"`) or lowest (`"low"`). */
export function strainPicker(items, level) {
  const byId = new Map(items.map((i) => [i.id, i]));
  return (id) => {
    const item = byId.get(id);
    const high = level === "high" ? !item.reverse : item.reverse;
    return high ? 4 : 0;
  };
}
