// The web UI in a real browser (Debian's chromium via playwright-core) against `attest serve`
// on a store seeded with tests-browser/fixtures/reports.jsonl. Screenshots go to artifacts/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "./browser.mjs";
import { startServer } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

let server;
let browser;
let page;
const dialogs = [];
const pageErrors = [];

async function api(path, init) {
  const res = await fetch(`${server.base}/api/v1/${path}`, init);
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Codes of incidents whose list form matches the free-text query. */
async function codes(q) {
  const { body } = await api(`incidents?q=${encodeURIComponent(q)}&limit=50`);
  return body.items.map((i) => i.code);
}

/** Incidents the map shows: cluster counts plus single markers. */
async function markerTotal() {
  return page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll(".leaflet-marker-icon")) {
      n += el.classList.contains("cluster") ? Number(el.textContent) : 1;
    }
    return n;
  });
}

async function openPage(path) {
  await page.goto(`${server.base}${path}`);
  await page.waitForSelector("body[data-ready=true]");
}

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Sets a sessionStorage token the way the header form does. */
async function enterToken(value) {
  const forget = page.getByRole("button", { name: "Forget token" });
  if (await forget.count()) await forget.click();
  await page.getByLabel("Analyst token").fill(value);
  await page.getByRole("button", { name: "Use" }).click();
  await page.getByRole("button", { name: "Forget token" }).waitFor();
}

/** Serious and critical accessibility violations axe-core finds on the current page. */
async function axeViolations() {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ["violations"] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  });
  const checked = await page.evaluate(() => window.axe.getRules().length);
  assert.ok(checked > 50, `axe-core loaded its rules (${checked})`);
  if (found.length) console.log(`axe (all impacts): ${JSON.stringify(found)}`);
  return found.filter((v) => v.impact === "serious" || v.impact === "critical");
}

describe("attest web UI", () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await browser.context.newPage();
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on("pageerror", (e) => pageErrors.push(e.message));
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
  });

  test("the map shows a marker for every located incident", async () => {
    const { body } = await api("incidents/points");
    assert.ok(body.count >= 4, `the fixtures give located incidents, got ${body.count}`);
    await openPage("/");
    await page.waitForSelector(".leaflet-marker-icon");
    await page.getByText(/located incidents? match/).waitFor();
    assert.equal(await markerTotal(), body.count);
    // The offline basemap was drawn (no tile requests: the page has no <img> tiles).
    assert.equal(await page.locator(".leaflet-tile").count(), 0);
    assert.notEqual(await page.locator("#map").getAttribute("data-basemap"), "failed");
    assert.ok((await page.locator("table.incidents tbody tr").count()) >= 4);
    await shot("map");
  });

  test("the first load stays under 1.5 MB of compressed assets", async () => {
    const fresh = await browser.context.newPage();
    await fresh.goto(`${server.base}/`);
    await fresh.waitForSelector(".leaflet-marker-icon");
    await fresh.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.includes("countries-50m")));
    const sizes = await fresh.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const assets = performance
        .getEntriesByType("resource")
        .filter((e) => !new URL(e.name).pathname.startsWith("/api/"));
      return [nav, ...assets].map((e) => ({ name: e.name, bytes: e.encodedBodySize }));
    });
    await fresh.close();
    const total = sizes.reduce((n, e) => n + e.bytes, 0);
    console.log(`first load: ${sizes.length} files, ${total} bytes compressed`);
    assert.ok(sizes.length >= 4, JSON.stringify(sizes));
    assert.ok(total > 50000 && total < 1.5 * 1024 * 1024, `first load ${total} bytes`);
  });

  test("a filter narrows the markers and is kept in the URL", async () => {
    await openPage("/");
    await page.waitForSelector(".leaflet-marker-icon");
    const before = await markerTotal();
    await page.getByLabel("Event type").selectOption("shelling");
    await page.waitForURL(/event_type=shelling/);
    await page.getByText("1 located incident matches.").waitFor();
    assert.equal(await markerTotal(), 1);
    assert.ok(before > 1);
    // (The table renders after the summary line: wait for it rather than race it.)
    await page.waitForFunction(
      () => document.querySelectorAll("table.incidents tbody tr").length === 1,
      null,
      { timeout: 5000 },
    );
    assert.equal(await page.locator("table.incidents tbody tr").count(), 1);
    await shot("filter-event-type");
    // Typing a country and pressing Enter; the URL reloads to the same view.
    await page.getByLabel("Event type").selectOption("");
    await page.getByLabel("Country (ISO code)").fill("iq");
    await page.getByLabel("Country (ISO code)").press("Enter");
    await page.waitForURL(/country=IQ/);
    await page.getByText("1 located incident matches.").waitFor();
    await page.reload();
    await page.getByText("1 located incident matches.").waitFor();
    assert.equal(await page.getByLabel("Country (ISO code)").inputValue(), "IQ");
  });

  test("clicking the timeline filters the date range", async () => {
    await openPage("/");
    await page.waitForSelector(".bar");
    const bar = page.locator('.bar:not([data-count="0"])').first();
    const start = await bar.getAttribute("data-start");
    await bar.click();
    await page.waitForURL(new RegExp(`from=${start}`));
    const total = await markerTotal();
    assert.ok(total >= 1 && total < 6, `one bin's incidents, got ${total}`);
    await shot("timeline");
    // Dragging across bars brushes a range: from the first bar's start to the last one's end.
    const bars = page.locator(".bar");
    const n = await bars.count();
    const a = bars.nth(0);
    const b = bars.nth(Math.min(n - 1, 6));
    const [from, to] = [await a.getAttribute("data-start"), await b.getAttribute("data-end")];
    const boxA = await a.boundingBox();
    const boxB = await b.boundingBox();
    await page.mouse.move(boxA.x + boxA.width / 2, boxA.y + boxA.height - 2);
    await page.mouse.down();
    await page.mouse.move(boxB.x + boxB.width / 2, boxB.y + boxB.height - 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(new RegExp(`from=${from}&to=${to}`));
    assert.equal(await page.getByLabel("From").inputValue(), from);
  });

  test("an incident page highlights the evidence of a value", async () => {
    const [code] = await codes("web-aleppo-2");
    assert.ok(code, "an Aleppo incident exists");
    await openPage(`/incident/${code}`);
    assert.ok((await page.locator("mark.ev").count()) > 0, "evidence is marked");
    await page.locator('.summary button[data-evidence="killed"]').click();
    const active = page.locator("mark.ev.active");
    assert.ok((await active.count()) > 0, "clicking Killed highlights its evidence");
    const texts = await active.allTextContents();
    assert.ok(texts.some((t) => /27/.test(t)), `the killed evidence names the figure: ${texts}`);
    // The non-ASCII report: the place is marked exactly, whatever the byte offsets.
    await page.locator('.summary button[data-evidence="location"]').click();
    const places = await page.locator("mark.ev.active").allTextContents();
    assert.ok(places.some((t) => t.includes("Aleppo") || t.includes("Ḥalab")), `place marks: ${places}`);
    assert.ok(places.every((t) => !t.startsWith(" ") && t.length < 40), `clean place marks: ${places}`);
    assert.equal(await page.locator('.summary button[data-evidence="location"]').getAttribute("aria-pressed"), "true");
    await shot("incident-evidence");
  });

  test("a graphic report stays hidden until revealed", async () => {
    const [code] = await codes("web-idlib-graphic");
    await openPage(`/incident/${code}`);
    const report = page.locator(".report.graphic");
    await report.waitFor();
    assert.equal(await report.locator(".report-text").count(), 0);
    assert.equal(await page.getByText("Bodies lay in the street").count(), 0);
    await shot("graphic-hidden");
    await page.getByRole("button", { name: "Show the report" }).click();
    await page.getByText("Bodies lay in the street").waitFor();
    assert.ok((await report.locator("mark.ev").count()) > 0);
    await shot("graphic-revealed");
  });

  test("script and HTML in reports are shown as text and never run", async () => {
    const [code] = await codes("web-homs-xss");
    assert.ok(code, "the incident of the report with payloads");
    await openPage(`/incident/${code}`);
    await page.locator(".report").first().waitFor();
    const text = await page.locator(".report-text").allTextContents();
    assert.ok(text.some((t) => t.includes("<script>window.__attestXss")), "the script tag shows as text");
    assert.ok(text.some((t) => t.includes('<img src=x onerror="window.__attestXss=2')), "the img tag shows as text");
    assert.equal(await page.locator("main img, main script, .report a[href^='javascript']").count(), 0);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__attestXss), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(pageErrors, []);
    await shot("payloads-as-text");
  });

  test("an analyst merge needs a token and works with one", async () => {
    const homs = await codes("Homs");
    assert.equal(homs.length, 2, `two Homs incidents to merge: ${homs}`);
    const [keep, absorb] = homs;
    // Without a token the API refuses.
    const anon = await api(`incidents/${keep}/merge`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ codes: [absorb] }),
    });
    assert.ok([401, 403].includes(anon.status), `anonymous merge: ${anon.status}`);
    await openPage(`/incident/${keep}`);
    assert.equal(await page.getByRole("form", { name: "Merge" }).count(), 0, "no forms without a token");
    // A wrong token: the form shows the refusal.
    await enterToken("not-a-real-token-0000000000000000000000");
    const merge = page.getByRole("form", { name: "Merge" });
    await merge.getByLabel(/Incident codes to merge/).fill(absorb);
    await merge.getByRole("button", { name: "Merge" }).click();
    await merge.getByText(/Refused \((401|403)\)/).waitFor();
    assert.equal((await codes("Homs")).length, 2, "nothing merged");
    await shot("merge-refused");
    // The analyst token works.
    await enterToken(server.token);
    const form = page.getByRole("form", { name: "Merge" });
    await form.getByLabel(/Incident codes to merge/).fill(absorb);
    await form.getByLabel("Reason").fill("same car bombing, two reports");
    await form.getByRole("button", { name: "Merge" }).click();
    await page.locator("h2", { hasText: "Reports (2)" }).waitFor();
    assert.equal((await codes("Homs")).length, 1, "merged");
    await page.getByRole("cell", { name: "same car bombing, two reports" }).first().waitFor();
    assert.ok((await page.locator("table.history tbody tr").count()) >= 1, "the merge is in the history");
    await shot("merged");
  });

  test("analysts grade, set values and add notes from the incident page", async () => {
    const [code] = await codes("web-idlib-graphic");
    await openPage(`/incident/${code}`);
    await page.getByRole("button", { name: "Forget token" }).waitFor(); // token from the merge test
    const grade = page.getByRole("form", { name: "Grade" });
    await grade.getByLabel("Grade", { exact: true }).selectOption("contested");
    await grade.getByLabel("Reason").fill("the army denies it");
    await grade.getByRole("button", { name: "Grade" }).click();
    await page.locator(".grade", { hasText: "contested" }).waitFor();
    const set = page.getByRole("form", { name: "Set a value" });
    await set.getByLabel("Field").selectOption("killed");
    await set.getByLabel(/^Value/).fill("11-14");
    await set.getByRole("button", { name: "Set a value" }).click();
    await page.locator('.summary button[data-evidence="killed"]', { hasText: "11–14" }).waitFor();
    const note = page.getByRole("form", { name: "Add a note" });
    await note.getByLabel("Note").fill("Check the hospital register <b>later</b>");
    await note.getByRole("button", { name: "Add a note" }).click();
    await page.locator(".notes li", { hasText: "Check the hospital register <b>later</b>" }).waitFor();
    // The note is private: anonymous readers never get it.
    const anon = await api(`incidents/${code}`);
    assert.equal(anon.status, 200);
    assert.deepEqual(anon.body.notes, []);
    assert.equal(anon.body.grade, "contested");
    await shot("analyst-edits");
  });

  test("free text finds incidents and reports; a report opens with its evidence", async () => {
    await openPage("/");
    await page.getByLabel("Search").fill("Mosul");
    await page.getByLabel("Search").press("Enter");
    await page.waitForURL(/q=Mosul/);
    await page.getByText("1 located incident matches.").waitFor();
    const hit = page.locator("#report-search ol.hits a").first();
    await hit.waitFor();
    assert.ok((await page.locator("#report-search .snippet mark").count()) > 0, "snippets mark the match");
    await hit.click();
    await page.waitForURL(/\/report\//);
    await page.locator("h1", { hasText: "Strike in Mosul" }).waitFor();
    assert.ok((await page.locator(".report-text mark.ev").count()) > 0);
    assert.equal(await page.locator('a[href$="/original"]').count(), 1);
  });

  test("pages pass an accessibility audit (axe-core: no serious or critical issues)", async () => {
    await openPage("/");
    await page.waitForSelector(".leaflet-marker-icon");
    assert.deepEqual(await axeViolations(), []);
    const [code] = await codes("web-aleppo-1");
    await openPage(`/incident/${code}`);
    await page.getByRole("form", { name: "Merge" }).waitFor(); // analyst forms included
    assert.deepEqual(await axeViolations(), []);
  });

  test("pages carry a strict Content-Security-Policy and work under it", async () => {
    const res = await fetch(`${server.base}/incident/anything`);
    assert.equal(res.status, 200);
    const csp = res.headers.get("content-security-policy") || "";
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    // With the policy in force the UI still works, and nothing on the page breaks it.
    const strict = await launch({ bypassCSP: false });
    try {
      const p = await strict.context.newPage();
      const problems = [];
      p.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      p.on("pageerror", (e) => problems.push(e.message));
      await p.goto(`${server.base}/`);
      await p.waitForSelector(".leaflet-marker-icon");
      const [code] = await codes("web-homs-xss");
      await p.goto(`${server.base}/incident/${code}`);
      await p.waitForSelector("mark.ev");
      await p.locator('.summary button[data-evidence="killed"]').click();
      assert.ok((await p.locator("mark.ev.active").count()) > 0);
      assert.equal(await p.evaluate(() => window.__attestXss), undefined);
      assert.deepEqual(problems, []);
    } finally {
      await strict.close();
    }
  });

  test("the page works from the keyboard alone", async () => {
    await openPage("/");
    await page.waitForSelector(".leaflet-marker-icon");
    // Skip link first, then into the page; a list link opens an incident with Enter.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
    const link = page.locator("table.incidents tbody a").first();
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/incident\//);
    await page.locator("h1").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.tagName), "H1");
    // A map marker is focusable and opens its incident (or zooms in) with Enter.
    await openPage("/");
    await page.waitForSelector(".leaflet-marker-icon");
    const marker = page.locator(".leaflet-marker-icon.incident-marker").first();
    assert.ok(await marker.count(), "a single-incident marker is on the map");
    assert.equal(await marker.getAttribute("role"), "button");
    await marker.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/incident\//);
    await page.locator("h1").waitFor();
    // Evidence buttons are reachable and operable with the keyboard.
    await page.locator('.summary button[data-evidence="event_type"]').focus();
    await page.keyboard.press("Enter");
    assert.ok((await page.locator("mark.ev.active").count()) > 0);
  });
});
