// Runs a real `attest serve` for the browser tests: a temporary store seeded with the fixture
// reports (`attest ingest`), an analyst token (`attest token create`), and the server on a free
// loopback port. ATTEST_BIN names the binary (scripts/test-browser builds it).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, "..", "fixtures", "reports.jsonl");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The token `attest token create` printed: the longest hex or base64url word of its output. */
export function tokenFrom(output) {
  const words = output.split(/\s+/).filter((w) => /^[A-Za-z0-9_-]{32,}$/.test(w));
  if (!words.length) throw new Error(`no token in: ${output}`);
  return words.sort((a, b) => b.length - a.length)[0];
}

/** Starts the seeded server; resolves to {base, token, stop()}. */
export async function startServer() {
  const bin = process.env.ATTEST_BIN;
  if (!bin) throw new Error("ATTEST_BIN is not set: run scripts/test-browser");
  const dir = mkdtempSync(join(tmpdir(), "attest-browser-"));
  const db = join(dir, "attest.db");
  const run = (...args) =>
    execFileSync(bin, ["--db", db, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  run("ingest", FIXTURES);
  const token = tokenFrom(run("token", "create", "--role", "analyst", "--name", "t"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => {
    log += d;
  });
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`attest serve exited ${child.exitCode}: ${log}`);
    try {
      const res = await fetch(`${base}/api/v1/stats`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`attest serve did not answer on ${base}: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    token,
    db,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGINT");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => log,
  };
}
