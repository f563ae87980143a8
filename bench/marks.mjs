// What bench/run.mjs and bench/compare.mjs measure in the page, shared by both.
// window.__waitFor(root, test): resolves when test() holds, checking after every DOM
// change under root; the time is when it first held. (An init script: the page's CSP forbids eval.)
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
