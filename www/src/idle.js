// Work the person is not waiting for, done when the browser has a moment.

/** Runs `fn` once the browser is idle (at the latest after 2 s). */
export function whenIdle(fn) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
}
