// A stand-in for `attest serve` while developing the UI without the server: serves the built
// UI (crates/attest-web/frontend/dist) and a small imitation of /api/v1 made from the fixture
// reports run through `attest extract --with-text`. Not used by the tests.
//   node mock/server.mjs PATH/TO/attest [port]
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "../../crates/attest-web/frontend/dist");
const fixtures = join(here, "../fixtures/reports.jsonl");
const [attest = "attest", port = "8099"] = process.argv.slice(2);
const inputs = readFileSync(fixtures, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const out = execFileSync(attest, ["extract", "--with-text", fixtures], { encoding: "utf8" });
const incidents = [];
out.trim().split("\n").forEach((line, i) => {
  const r = JSON.parse(line);
  const input = inputs[i];
  const inc = r.incidents[0];
  if (!inc) return;
  const code = `${inc.location?.country_code || "XX"}-${inc.date.start}-${String(i + 1).padStart(3, "0")}`;
  const fig = (c) => ({ ...c, per_source: [{ source: input.source, reports: [input.id], low: c.low, high: c.high }] });
  incidents.push({
    ...inc,
    code,
    killed: fig(inc.killed),
    injured: fig(inc.injured),
    grade: "single_source",
    grade_reasons: ["one source"],
    sources: 1,
    independent_sources: 1,
    claims: inc.claims.map((c) => ({ ...c, report: input.id, source: input.source })),
    perpetrators: inc.perpetrators.map((p) => ({ actor: p.name, attributed_by: p.attributed_by })),
    history: [],
    notes: [],
    reports: [{
      id: i + 1, external_id: input.id, source: input.source, title: input.title, published_at: input.published,
      graphic: Boolean(r.graphic), text: r.text, mentions: [{ mention: `${i + 1}#0`, index: 0, evidence: inc.evidence }],
    }],
  });
});

// MOCK_POINTS=100000 serves that many made-up map points instead, to measure the map.
const synthetic = [];
for (let i = 0, seed = 7; i < Number(process.env.MOCK_POINTS || 0); i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  const a = seed / 2147483648;
  seed = (seed * 1103515245 + 12345) % 2147483648;
  const b = seed / 2147483648;
  const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(a * b * 3650) * 86400000).toISOString().slice(0, 10);
  synthetic.push([32 + 5 * a + b, 35 + 7 * b, `SY-${day}-${String(i).padStart(6, "0")}`, day, "shelling", "single_source", i % 40]);
}

function send(res, status, body, type = "application/json") {
  res.writeHead(status, { "Content-Type": type });
  res.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

function matches(inc, q) {
  const get = (k) => q.get(k) || "";
  return (!get("country") || inc.location?.country_code === get("country")) &&
    (!get("event_type") || inc.event_type === get("event_type")) &&
    (!get("target") || inc.targets.includes(get("target"))) &&
    (!get("grade") || inc.grade === get("grade")) &&
    (!get("q") || JSON.stringify(inc).toLowerCase().includes(get("q").toLowerCase()));
}

createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const p = url.pathname;
  if (p === "/api/v1/incidents/points" && synthetic.length) {
    return send(res, 200, { count: synthetic.length, points: synthetic });
  }
  if (p === "/api/v1/incidents/points") {
    const pts = incidents.filter((i) => matches(i, url.searchParams) && i.location?.lat != null)
      .map((i) => [i.location.lat, i.location.lon, i.code, i.date.start, i.event_type, i.grade, i.killed.low]);
    return send(res, 200, { count: pts.length, points: pts });
  }
  if (p === "/api/v1/incidents") {
    return send(res, 200, { items: incidents.filter((i) => matches(i, url.searchParams)), next_cursor: null });
  }
  const m = p.match(/^\/api\/v1\/incidents\/([^/]+)(?:\/(merge|split|set|grade|note))?$/);
  if (m) {
    const inc = incidents.find((i) => i.code === decodeURIComponent(m[1]));
    if (m[2]) {
      if (req.method !== "POST") return send(res, 405, { error: "method" });
      if (req.headers.authorization !== "Bearer mock-token") return send(res, 401, { error: "a bearer token is needed" });
      return send(res, 200, { incident: inc, relink: null });
    }
    return inc ? send(res, 200, inc) : send(res, 404, { error: "not found" });
  }
  if (p.startsWith("/api/")) return send(res, 404, { error: "not found" });
  const file = normalize(join(dist, p));
  if (file.startsWith(dist) && existsSync(file) && extname(file)) {
    const types = { ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".html": "text/html" };
    return send(res, 200, readFileSync(file), types[extname(file)] || "application/octet-stream");
  }
  return send(res, 200, readFileSync(join(dist, "index.html")), "text/html; charset=utf-8");
}).listen(Number(port), "127.0.0.1", () => console.log(`mock on http://127.0.0.1:${port}/`));
