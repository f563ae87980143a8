// The size budget gate itself: it passes on the committed budgets and fails,
// naming the figure, as soon as a budget is set below what the page loads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { firstLoad } from "../../scripts/budget.mjs";
import { startServer } from "../../scripts/serve.mjs";

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

/**
 * A server in front of dist/ that sends each response's headers at once and its
 * body `ms` later, as a slow connection does: the browser learns of a file well
 * before it has it (and before it adds the file's resource timing entry).
 */
async function slowBodies(upstream, ms) {
  const server = createServer(async (req, res) => {
    const r = await fetch(new URL(req.url, upstream));
    const body = Buffer.from(await r.arrayBuffer());
    const headers = Object.fromEntries([...r.headers].filter(([k]) => !["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"].includes(k)));
    res.writeHead(r.status, headers);
    res.flushHeaders();
    res.write(body.subarray(0, 1));
    setTimeout(() => res.end(body.subarray(1)), ms);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return server;
}

test("files the page asks for after ready count in neither table, however slowly their bodies come", async () => {
  const upstream = await startServer(0);
  const slow = await slowBodies(`http://127.0.0.1:${upstream.address().port}/`, 400);
  try {
    const paths = ({ first, core }) => ({ first: first.map((f) => f.path).sort(), core: core.map((f) => f.path).sort() });
    const direct = paths(await firstLoad(`http://127.0.0.1:${upstream.address().port}/`));
    const slowed = paths(await firstLoad(`http://127.0.0.1:${slow.address().port}/`));
    assert.deepEqual(slowed, direct);
    assert.deepEqual(direct.core, ["/pkg/burnout_check.js", "/pkg/burnout_check_bg.wasm"]);
    for (const later of [...direct.first, ...direct.core]) assert.doesNotMatch(later, /texts-|\/views\/|\/i18n\//, "a file loaded when idle after ready");
  } finally {
    slow.close();
    upstream.close();
  }
});
