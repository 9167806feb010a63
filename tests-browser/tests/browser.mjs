// Launching Debian's chromium through playwright-core, headless, with a fresh profile.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/**
 * A browser with a throw-away user data dir; `close()` removes both. `bypassCSP: false` keeps
 * the pages' Content-Security-Policy in force.
 */
export async function launch({ bypassCSP = true } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "attest-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    // The pages' Content-Security-Policy would also stop injected scripts; the tests turn it
    // off so that they prove the escaping itself (and can load axe-core for the audit).
    bypassCSP,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
