// The size budget gate itself: it passes on the committed budgets and fails,
// naming the figure, as soon as a budget is set below what the page loads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("../../scripts/budget.mjs", import.meta.url));
const run = (budgets) =>
  spawnSync(process.execPath, [script], { env: { ...process.env, ...(budgets ? { BUDGETS: JSON.stringify(budgets) } : {}) }, encoding: "utf8", timeout: 120000 });

test("the budget script fails when the wasm budget is below the figure", () => {
  const r = run({ wasm_gzip: 1000 });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /FAIL wasm_gzip/);
  assert.match(r.stdout, /PASS js_gzip/);
  assert.match(r.stdout, /burnout_check_bg\.wasm/, "the table lists the wasm the page fetched");
});

test("the budget script fails on the first-load budget and on an unknown budget name", () => {
  const r = run({ first_load_gzip: 10 * 1024, wasm_gzipp: 1 });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /FAIL first_load_gzip/);
  assert.match(r.stdout, /FAIL wasm_gzipp\s+unknown budget/);
});

test("generous budgets pass", () => {
  const r = run({ wasm_gzip: 1e9, js_gzip: 1e9, first_load_gzip: 1e9 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
