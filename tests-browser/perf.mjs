// Measures the map page with many incidents: starts the mock API (mock/server.mjs) with
// MOCK_POINTS made-up points in the shape of /api/v1/incidents/points, opens the page in
// chromium and prints how long the first markers take, and zoom, pan and timeline redraws.
//   node perf.mjs PATH/TO/attest [points=100000]
// (The attest binary only feeds the mock's fixture incidents; the UI must be built.)
//   node perf.mjs http://127.0.0.1:PORT
// measures a running `attest serve` instead (e.g. on the store scripts/bench-api seeds).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "./tests/browser.mjs";

const [target = "attest", arg2 = "100000"] = process.argv.slice(2);
let base = target;
let mock = null;
let count = arg2;
if (!/^https?:/.test(target)) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  base = `http://127.0.0.1:${port}`;
  mock = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), "mock", "server.mjs"), target, String(port)], {
    env: { ...process.env, MOCK_POINTS: count },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve) => mock.stdout.once("data", resolve));
} else {
  const t = Date.now();
  const res = await fetch(`${base}/api/v1/incidents/points`).then((r) => r.json());
  count = res.count;
  console.log(`GET /api/v1/incidents/points: ${res.count} points in ${Date.now() - t} ms`);
}
const browser = await launch();
try {
  const page = await browser.context.newPage();
  const t0 = Date.now();
  await page.goto(`${base}/`);
  await page.waitForSelector(".leaflet-marker-icon", { timeout: 120000 });
  console.log(`${count} incidents: first markers after ${Date.now() - t0} ms`);
  const times = await page.evaluate(() => {
    const m = window.__attestMap.map;
    const time = (f) => {
      const t = performance.now();
      f();
      return Math.round(performance.now() - t);
    };
    const zoom = [];
    const pan = [];
    for (let i = 0; i < 5; i++) zoom.push(time(() => m.setZoom(m.getZoom() + 1, { animate: false })));
    for (let i = 0; i < 5; i++) pan.push(time(() => m.panBy([150, 80], { animate: false })));
    for (let i = 0; i < 5; i++) zoom.push(time(() => m.setZoom(m.getZoom() - 1, { animate: false })));
    return { zoom, pan, markers: document.querySelectorAll(".leaflet-marker-icon").length };
  });
  console.log(`zoom redraws (ms): ${times.zoom.join(" ")}; max ${Math.max(...times.zoom)}`);
  console.log(`pan redraws (ms): ${times.pan.join(" ")}; max ${Math.max(...times.pan)}`);
  console.log(`markers in view at the end: ${times.markers}`);
  const t1 = Date.now();
  await page.locator('.bar:not([data-count="0"])').nth(10).click();
  await page.waitForURL(/from=/);
  await page.getByText(/located incidents? match/).waitFor();
  console.log(`timeline click to redrawn map: ${Date.now() - t1} ms`);
} finally {
  await browser.close();
  if (mock) mock.kill();
}
