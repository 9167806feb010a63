// attest's web UI: a map page (map, timeline, filters, list) and incident pages, routed on the
// client with the History API; the server answers every page path with index.html.

import "./style.css";
import { compact, get, point, setToken, token, tokenRefused } from "./api.js";
import { announce, clear, h, label, range } from "./dom.js";
import { applyFilters, FILTER_KEYS, queryString, readFilters } from "./filters.js";
import { renderIncident } from "./incident.js";
import { renderReport, renderSearch } from "./report.js";
import { IncidentMap } from "./map.js";
import { renderTimeline } from "./timeline.js";

const EVENT_TYPES = ["air_strike", "shelling", "bombing", "suicide_bombing", "armed_attack", "armed_clash", "abduction", "arson", "chemical_attack", "other"];
const TARGETS = ["hospital", "school", "market", "place_of_worship", "residential", "shelter", "aid", "journalists", "police", "military", "checkpoint", "government", "vehicle", "infrastructure", "civilians"];
const GRADES = ["single_source", "corroborated", "contested", "confirmed", "discounted"];

const main = document.getElementById("main");

function navigate(path) {
  history.pushState(null, "", path);
  route();
}

// Links marked data-route stay in the app.
document.addEventListener("click", (e) => {
  const a = e.target.closest && e.target.closest("a[data-route]");
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute("href"));
});
window.addEventListener("popstate", () => route());

// ---- analyst token -------------------------------------------------------------------------

function renderTokenBox() {
  const box = clear(document.getElementById("token-box"));
  if (token()) {
    box.append(
      tokenRefused
        ? h("span", { class: "error", role: "alert" }, "The server refused this token")
        : h("span", { class: "signed-in" }, "Analyst token set"),
      h("button", { type: "button", onclick: () => { setToken(""); announce("Analyst token removed."); } }, "Forget token"),
    );
    return;
  }
  const input = h("input", { id: "token-input", name: "token", type: "password", autocomplete: "off", spellcheck: "false", size: "18" });
  const f = h(
    "form",
    { class: "token-form", "aria-label": "Analyst sign-in" },
    h("label", { for: "token-input" }, "Analyst token"),
    input,
    h("button", { type: "submit" }, "Use"),
  );
  f.addEventListener("submit", (e) => {
    e.preventDefault();
    const v = input.value.trim();
    if (!v) return;
    setToken(v);
    announce("Analyst token set for this tab.");
  });
  box.append(f);
}

document.addEventListener("attest:token-refused", () => renderTokenBox());
document.addEventListener("attest:token", () => {
  renderTokenBox();
  if (location.pathname.startsWith("/incident/")) route();
});

// ---- map page --------------------------------------------------------------------------------

let mapView = null; // {el, map, timeline, ...} kept while on the map page
let pointsKey = null;
let points = [];
let listAbort = null;

function select(name, text, options, value) {
  const id = `flt-${name}`;
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, text),
    h("select", { id, name }, h("option", { value: "" }, "any"), options.map((o) => h("option", { value: o, selected: o === value }, label(o)))),
  );
}

function input(name, text, type, value, extra = {}) {
  const id = `flt-${name}`;
  return h("div", { class: "field" }, h("label", { for: id }, text), h("input", { id, name, type, value, ...extra }));
}

function filterForm(f) {
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter incidents" },
    input("q", "Search", "search", f.q, { placeholder: "place, actor, report…" }),
    input("from", "From", "date", f.from),
    input("to", "To", "date", f.to),
    input("country", "Country (ISO code)", "text", f.country, { list: "countries", size: "4", maxlength: "2", autocomplete: "off", pattern: "[A-Za-z]{2}" }),
    h("datalist", { id: "countries" }),
    select("event_type", "Event type", EVENT_TYPES, f.event_type),
    select("target", "Target", TARGETS, f.target),
    select("grade", "Grade", GRADES, f.grade),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Apply"), h("button", { type: "reset" }, "Clear all")),
  );
  const apply = () => {
    const next = {};
    for (const k of FILTER_KEYS) {
      const v = String(new FormData(form).get(k) || "").trim();
      next[k] = k === "country" ? v.toUpperCase() : v;
    }
    history.pushState(null, "", `/${queryString(next)}`);
    route();
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener("reset", (e) => {
    e.preventDefault();
    history.pushState(null, "", "/");
    route();
  });
  // Selects and dates apply at once; text waits for Enter.
  form.addEventListener("change", (e) => {
    if (e.target.tagName === "SELECT" || e.target.type === "date") apply();
  });
  return form;
}

function buildMapPage() {
  dropMap();
  clear(main);
  const f = readFilters();
  const status = h("p", { id: "count", class: "count", "aria-live": "polite" }, "Loading incidents…");
  const mapEl = h("div", { id: "map", class: "map", role: "region", "aria-label": "Map of incidents: arrow keys pan, plus and minus zoom, Tab reaches the markers" });
  const timeline = h("div", { id: "timeline", class: "timeline" });
  const listBody = h("div", { id: "incident-list" });
  const searchBody = h("section", { id: "report-search", "aria-live": "polite" });
  main.append(
    h("h1", { class: "visually-hidden", tabindex: "-1" }, "Incidents"),
    filterForm(f),
    status,
    h("div", { class: "map-wrap" }, mapEl),
    h("section", { "aria-labelledby": "tl-h", class: "timeline-wrap" }, h("h2", { id: "tl-h" }, "Timeline"), timeline),
    h("section", { "aria-labelledby": "list-h" }, h("h2", { id: "list-h" }, "List"), listBody),
    searchBody,
  );
  const map = new IncidentMap(mapEl, (code) => navigate(`/incident/${encodeURIComponent(code)}`));
  mapView = { map, status, timeline, listBody, searchBody, form: main.querySelector("form.filters") };
  window.__attestMap = map; // for tests and debugging
}

function syncForm(form, f) {
  for (const k of FILTER_KEYS) {
    const el = form.elements.namedItem(k);
    if (el && el.value !== f[k]) el.value = f[k];
  }
}

let renderSeq = 0;

async function renderMapPage() {
  if (!mapView || !document.body.contains(mapView.status)) buildMapPage();
  const seq = ++renderSeq;
  const { map, status, timeline, listBody, searchBody, form } = mapView;
  const f = readFilters();
  syncForm(form, f);
  document.title = "Incidents · attest";
  // Points: every filter but the dates (the timeline shows the whole span; dates filter here).
  const serverFilters = { country: f.country, event_type: f.event_type, target: f.target, grade: f.grade, q: f.q };
  const key = JSON.stringify(serverFilters);
  if (key !== pointsKey) {
    status.textContent = "Loading incidents…";
    try {
      const res = await get("incidents/points", serverFilters);
      if (seq !== renderSeq) return; // a newer view was asked for meanwhile
      points = (res.points || []).map(point);
      pointsKey = key;
    } catch (err) {
      if (seq !== renderSeq) return;
      status.textContent =
        err.status === 401 || err.status === 403
          ? "This server needs a token to read: enter it at the top right."
          : `Could not load incidents: ${err.message}`;
      return;
    }
  }
  // The server applied the other filters already.
  const shown = applyFilters(points, { from: f.from, to: f.to });
  map.setIncidents(shown);
  const total = shown.length;
  status.textContent = `${total.toLocaleString("en")} located incident${total === 1 ? "" : "s"} match${total === 1 ? "es" : ""}.`;
  renderTimeline(timeline, points, { from: f.from, to: f.to }, (from, to) => {
    history.pushState(null, "", `/${queryString({ ...readFilters(), from, to })}`);
    route();
  });
  if (f.from || f.to) {
    timeline.append(
      h("button", {
        type: "button",
        class: "clear-dates",
        onclick: () => {
          history.pushState(null, "", `/${queryString({ ...readFilters(), from: "", to: "" })}`);
          route();
        },
      }, `Dates: ${f.from || "…"} to ${f.to || "…"} · show all dates`),
    );
  }
  renderList(listBody, f);
  if (f.q !== mapView.searched) {
    mapView.searched = f.q;
    renderSearch(searchBody, f.q);
  }
}

/** The accessible list: the newest matching incidents, a page at a time. */
async function renderList(root, f) {
  if (listAbort) listAbort.abort();
  listAbort = new AbortController();
  const signal = listAbort.signal;
  clear(root);
  const tbody = h("tbody");
  const table = h(
    "table",
    { class: "incidents" },
    h("caption", {}, "Matching incidents, newest first"),
    h("thead", {}, h("tr", {}, ["Incident", "Date", "Type", "Place", "Killed", "Grade", "Sources"].map((t) => h("th", { scope: "col" }, t)))),
    tbody,
  );
  const more = h("button", { type: "button", class: "more", hidden: true }, "Show more");
  root.append(table, more);
  const countries = new Map();
  let cursor = "";
  const load = async () => {
    let page;
    try {
      page = await get("incidents", { ...f, limit: 50, cursor }, signal);
    } catch (err) {
      if (err.name !== "AbortError") root.append(h("p", { class: "error" }, `Could not load the list: ${err.message}`));
      return;
    }
    for (const raw of page.items || []) {
      const it = compact(raw);
      if (it.country) countries.set(it.country, it.countryName);
      tbody.append(
        h(
          "tr",
          {},
          h("th", { scope: "row" }, h("a", { href: `/incident/${encodeURIComponent(it.code)}`, "data-route": "" }, it.code)),
          h("td", {}, it.date || "–"),
          h("td", {}, label(it.type)),
          h("td", {}, [it.place, it.countryName].filter(Boolean).join(", ") || "–"),
          h("td", {}, range(it.killed)),
          h("td", {}, label(it.grade)),
          h("td", {}, it.sources ?? "–"),
        ),
      );
    }
    if (!tbody.children.length) tbody.append(h("tr", {}, h("td", { colspan: "7" }, "No incidents match.")));
    const dl = document.getElementById("countries");
    if (dl) {
      clear(dl);
      for (const [cc, name] of countries) dl.append(h("option", { value: cc }, name));
    }
    cursor = page.next_cursor || "";
    more.hidden = !cursor;
  };
  more.addEventListener("click", load);
  await load();
}

// ---- routing ---------------------------------------------------------------------------------

/** Leaves the map page: the Leaflet map lets go of its listeners. */
function dropMap() {
  renderSeq++; // a map render still waiting for data must not touch the new page
  if (mapView) mapView.map.remove();
  mapView = null;
}

async function route() {
  const path = location.pathname;
  const m = path.match(/^\/incident\/([^/]+)\/?$/);
  const r = path.match(/^\/report\/([^/]+)\/?$/);
  if (r) {
    dropMap();
    await renderReport(main, decodeURIComponent(r[1]));
  } else if (m) {
    dropMap();
    await renderIncident(main, decodeURIComponent(m[1]), navigate);
  } else if (path === "/" || path === "") {
    await renderMapPage();
  } else {
    dropMap();
    clear(main);
    main.append(h("h1", { tabindex: "-1" }, "Page not found"), h("p", {}, h("a", { href: "/", "data-route": "" }, "Go to the map")));
    main.querySelector("h1").focus();
  }
  document.body.dataset.ready = "true";
}

renderTokenBox();
route();
