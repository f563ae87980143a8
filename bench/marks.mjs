// What bench/run.mjs and bench/compare.mjs measure in the page, shared by both.
// window.__waitFor(root, test): resolves when test() holds, checking after every DOM
// change under root; the time is when it first held. (An init script: the page's CSP forbids eval.)

/**
 * Before (d), the moment the browser's file dialog is open: a person presses
 * "Import", finds the file and picks it, which takes seconds, not none. What the
 * page does meanwhile (the element warms the core's import code once the dialog
 * opens) then happens before (d), as it would for anyone. One second, less than
 * any file dialog takes.
 */
export const PICK = 1000;

export const LISTEN = `
  window.__bench = { ready: null, painted: null, core: null };
  // The frame after "ready": the first screen laid out and painted (a task after the
  // next animation frame runs once that frame is done), whoever did the layout.
  const painted = () => requestAnimationFrame(() => setTimeout(() => { window.__bench.painted ??= performance.now(); }, 0));
  // Ours is ready when its start screen's button is in its tree (the core follows:
  // Start pressed before it waits), and the core when the element says "ready".
  customElements.whenDefined("burnout-check").then(() => {
    const root = document.querySelector("burnout-check")?.shadowRoot;
    if (!root) return;
    const seen = () => { if (!window.__bench.ready && root.querySelector("section.start button[type=submit]")) { window.__bench.ready = performance.now(); painted(); } };
    seen();
    new MutationObserver(seen).observe(root, { childList: true, subtree: true });
  });
  // When the frame after now is done: what was just put in the DOM laid out and painted.
  window.__painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0)));
  // (c): the history opened from the header (after leaving it first, when it is open);
  // [to its rows in the DOM, to the frame after], in ms.
  window.__openHistory = async () => {
    const root = document.querySelector("burnout-check").shadowRoot;
    const nav = [...root.querySelectorAll("nav button")];
    if (root.querySelector("section.history")) {
      nav[0].click();
      await window.__waitFor(root, () => !root.querySelector("section.history"));
    }
    const t0 = performance.now();
    nav.at(-1).click();
    const t1 = await window.__waitFor(root, () => root.querySelector("section.history table.entries tbody tr"));
    return [t1 - t0, (await window.__painted()) - t0];
  };
  window.__waitFor = (root, test) => new Promise((ok) => {
    const now = test();
    if (now) return ok(performance.now());
    const mo = new MutationObserver(() => { if (test()) { mo.disconnect(); ok(performance.now()); } });
    mo.observe(root, { childList: true, subtree: true, attributes: true });
  });
  document.addEventListener("burnout-check:ready", () => { window.__bench.core ??= performance.now(); }, true);
  document.addEventListener("DOMContentLoaded", () => {
    if (document.getElementById("check")) { window.__bench.ready ??= performance.now(); painted(); }
  });
`;

/** (a): the first screen in the DOM and something painted; (p): the frame after, the first screen painted; (k): our core ready. */
export async function firstUsable(page, core) {
  await page.waitForFunction(() => window.__bench?.painted != null, null, { timeout: 60000 });
  if (core) await page.waitForFunction(() => window.__bench.core != null, null, { timeout: 60000 });
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    return [Math.max(window.__bench.ready, fcp), Math.max(window.__bench.painted, fcp), window.__bench.core ?? undefined];
  });
}

/**
 * Before answering, a second on the first screen, as a person reads it: what the
 * page does when idle after its first screen (loading the views, warming up the
 * result) then happens before (b) for either page, as it would for anyone, instead
 * of depending on whether the bench's clicks left the page an idle moment.
 */
export const SETTLE = 1000;
/**
 * And a moment on each screen of questions before going on, as no one answers four
 * questions in no time: what the page does while a person answers (the element
 * warms its scoring once a check begins) gets the idle moments it gets in use,
 * instead of none, as when every click came in the same task as the screen.
 */
export const PAUSE = 100;

/**
 * (b): our element's full form answered screen by screen (after SETTLE on the
 * start screen, PAUSE on each screen); `[last "finish" -> result in the DOM,
 * -> the element's "saved"]` in ms.
 */
export async function answerFullForm(page) {
  await page.waitForTimeout(SETTLE);
  return page.evaluate(async (pause) => {
    const waitFor = window.__waitFor;
    const root = document.querySelector("burnout-check").shadowRoot;
    const q = (s) => root.querySelector(s);
    await waitFor(root, () => q("section.start button[type=submit]"));
    q('input[value="full"]')?.click();
    q("section.start button[type=submit]").click();
    await waitFor(root, () => q("section.questions"));
    for (let screen = 0; screen < 50; screen++) {
      let k = 0;
      for (const f of root.querySelectorAll("fieldset[data-item]")) f.querySelector(`input[value="${(k++ + screen) % 5}"]`).click();
      const ctx = root.querySelector('input[type="radio"][name^="ctx-"]');
      if (ctx) ctx.click();
      await new Promise((ok) => setTimeout(ok, pause));
      const button = q('section.questions button[type="submit"]');
      const onContext = !root.querySelector("fieldset[data-item]");
      const before = q("section.questions form");
      if (onContext) {
        const saved = new Promise((ok) => document.addEventListener("burnout-check:saved", () => ok(performance.now()), { once: true }));
        const t0 = performance.now();
        button.click();
        const t1 = await waitFor(root, () => q("section.result"));
        return [t1 - t0, (await saved) - t0];
      }
      button.click();
      await waitFor(root, () => q("section.questions form") !== before);
    }
    throw new Error("never reached the last screen");
  }, PAUSE);
}

/**
 * (d): the export `text` imported as a person does it: the history opened from the
 * header, its Import button clicked (a real click, so the browser opens its file
 * chooser), PICK ms in the dialog, then the file chosen. `[the chosen file's
 * "change" -> the outcome and the rows in the DOM, -> the frame after]` in ms.
 * Throws when the import was refused (as when a bench once imported a file that
 * had not reached the page whole), so a refusal is never timed as an import.
 */
export async function importThroughDialog(page, text) {
  await page.evaluate(async () => {
    const root = document.querySelector("burnout-check").shadowRoot;
    if (!root.querySelector("section.history")) [...root.querySelectorAll("nav button")].at(-1).click();
    await window.__waitFor(root, () => root.querySelector("section.history button.import-json"));
    // From the change event on (caught before the view's own handler), to the outcome shown.
    window.__imported = new Promise((ok) => root.addEventListener("change", async () => {
      const t0 = performance.now();
      const t1 = await window.__waitFor(root, () => root.querySelector("section.history .flash") && (root.querySelector(".flash.error") || root.querySelector("table.entries tbody tr")));
      const error = root.querySelector(".flash.error")?.textContent ?? null;
      ok({ error, d: t1 - t0, painted: (await window.__painted()) - t0 });
    }, { capture: true, once: true }));
  });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator("burnout-check section.history button.import-json").click()]);
  await page.waitForTimeout(PICK);
  await chooser.setFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(text) });
  // Never waiting forever on a view that did not come (the bench would hang, not fail).
  let timer;
  const late = new Promise((_, no) => { timer = setTimeout(() => no(new Error("the import showed no outcome within 60 s")), 60000); });
  const { error, d, painted } = await Promise.race([page.evaluate(() => window.__imported), late]).finally(() => clearTimeout(timer));
  if (error !== null) throw new Error(`the import failed: ${error}`);
  return [d, painted];
}
