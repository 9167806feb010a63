// The incident page: what attest believes, and why. Every value links to the spans of the
// reports that support it; report texts are inserted as text nodes only; graphic reports stay
// hidden until the reader asks; analysts with a token get the review forms.

import { ApiError, get, post, token } from "./api.js";
import { announce, clear, h, label, range } from "./dom.js";
import { segments } from "./evidence.js";

/** Evidence keys in legend order, with the words shown for them. */
export const EVIDENCE_KEYS = [
  ["event_type", "Event type"],
  ["date", "Date"],
  ["location", "Place"],
  ["killed", "Killed"],
  ["injured", "Injured"],
  ["weapons", "Weapons"],
  ["targets", "Targets"],
  ["perpetrators", "Perpetrators"],
  ["cited_sources", "Cited sources"],
  ["claims", "Claims"],
];
const KEY_NAMES = Object.fromEntries(EVIDENCE_KEYS);
const GRADES = ["single_source", "corroborated", "contested", "confirmed", "discounted"];
const SETTABLE = ["event_type", "date", "killed", "injured", "location", "perpetrator", "weapons", "targets"];

let activeKey = null;

/** Highlights the evidence of `key` in every report on the page (or none when null). */
function highlight(root, key) {
  activeKey = key;
  root.classList.toggle("focusing", Boolean(key));
  let first = null;
  let n = 0;
  for (const m of root.querySelectorAll("mark.ev")) {
    const on = Boolean(key) && m.dataset.keys.split(" ").includes(key);
    m.classList.toggle("active", on);
    if (on) {
      n++;
      if (!first && m.offsetParent !== null) first = m;
    }
  }
  for (const b of root.querySelectorAll("[data-evidence]")) {
    b.setAttribute("aria-pressed", String(b.dataset.evidence === key));
  }
  if (!key) {
    announce("Evidence highlighting cleared.");
    return;
  }
  const hidden = root.querySelectorAll(".report.graphic:not(.revealed)").length;
  announce(
    `${n} passage${n === 1 ? "" : "s"} support ${KEY_NAMES[key] || key}` +
      (hidden ? `; ${hidden} graphic report${hidden === 1 ? " is" : "s are"} still hidden` : "") +
      ".",
  );
  if (first) {
    first.scrollIntoView({ block: "center", behavior: "smooth" });
    first.focus({ preventScroll: true });
  }
}

/** A value with a button that shows its evidence. */
function valueButton(root, key, text) {
  return h(
    "button",
    {
      type: "button",
      class: `value ev-${key}`,
      dataset: { evidence: key },
      "aria-pressed": "false",
      title: `Show the passages behind ${KEY_NAMES[key] || key}`,
      onclick: () => highlight(root, activeKey === key ? null : key),
    },
    text,
  );
}

function placeText(loc) {
  if (!loc) return "unknown";
  const parts = [];
  for (const p of [loc.name || loc.mention, loc.admin1, loc.country]) {
    if (p && p !== parts[parts.length - 1]) parts.push(p);
  }
  const where = parts.length ? parts.join(", ") : "unknown";
  return loc.precision ? `${where} (${loc.precision})` : where;
}

function dateText(d) {
  if (!d || !d.start) return "unknown";
  const span = d.end && d.end !== d.start ? `${d.start} to ${d.end}` : d.start;
  return d.precision && d.precision !== "day" ? `${span} (${d.precision})` : span;
}

function list(values) {
  return values && values.length ? values.map(label).join(", ") : "none stated";
}

function summary(root, inc) {
  const perps = (inc.perpetrators || []).map((p) =>
    p.attributed_by ? `${p.actor} (according to ${p.attributed_by})` : p.actor,
  );
  const rows = [
    ["event_type", "Event type", label(inc.event_type) || "unknown"],
    ["date", "Date", dateText(inc.date)],
    ["location", "Place", placeText(inc.location)],
    ["killed", "Killed", range(inc.killed)],
    ["injured", "Injured", range(inc.injured)],
    ["weapons", "Weapons", list(inc.weapons)],
    ["targets", "Targets", list(inc.targets)],
    ["perpetrators", "Perpetrators", perps.length ? perps.join("; ") : "none stated"],
  ];
  const analyst = inc.analyst || {};
  return h(
    "section",
    { "aria-labelledby": "sum-h" },
    h("h2", { id: "sum-h" }, "What the reports say"),
    h("p", { class: "hint" }, "Select a value to highlight the passages that support it."),
    h(
      "dl",
      { class: "summary" },
      rows.map(([key, name, text]) => {
        const a = analyst[key === "perpetrators" ? "perpetrator" : key];
        return [
          h("dt", {}, name),
          h(
            "dd",
            {},
            valueButton(root, key, text),
            a ? h("span", { class: "analyst-mark" }, ` set by ${a.by}${a.reason ? `: ${a.reason}` : ""}`) : null,
          ),
        ];
      }),
    ),
  );
}

function gradeSection(inc) {
  const reasons = inc.grade_reasons || [];
  const a = (inc.analyst || {}).grade;
  return h(
    "section",
    { "aria-labelledby": "grade-h" },
    h("h2", { id: "grade-h" }, "Grade"),
    h(
      "p",
      {},
      h("strong", { class: `grade grade-${inc.grade}` }, label(inc.grade) || "ungraded"),
      inc.airwars_grade ? ` (Airwars scale: ${inc.airwars_grade})` : "",
      ` · ${inc.sources ?? 0} source${inc.sources === 1 ? "" : "s"}, ${inc.independent_sources ?? 0} independent`,
      inc.one_sided ? " · one-sided" : "",
    ),
    a ? h("p", {}, `Graded by ${a.by}${a.reason ? `: ${a.reason}` : ""}`) : null,
    reasons.length ? h("ul", { class: "reasons" }, reasons.map((r) => h("li", {}, r))) : null,
  );
}

function casualtySection(inc) {
  const bySource = new Map();
  for (const [what, c] of [["killed", inc.killed], ["injured", inc.injured]]) {
    for (const f of (c && c.per_source) || []) {
      const row = bySource.get(f.source) || { source: f.source, reports: new Set() };
      row[what] = f;
      for (const r of f.reports || []) row.reports.add(r);
      bySource.set(f.source, row);
    }
  }
  const rows = [...bySource.values()];
  return h(
    "section",
    { "aria-labelledby": "cas-h" },
    h("h2", { id: "cas-h" }, "Casualties per source"),
    rows.length
      ? h(
          "table",
          {},
          h("caption", {}, `Overall: killed ${range(inc.killed)}, injured ${range(inc.injured)}`),
          h("thead", {}, h("tr", {}, ["Source", "Killed", "Injured", "Reports"].map((t) => h("th", { scope: "col" }, t)))),
          h(
            "tbody",
            {},
            rows.map((r) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, r.source),
                h("td", {}, range(r.killed)),
                h("td", {}, range(r.injured)),
                h("td", {}, [...r.reports].join(", ")),
              ),
            ),
          ),
        )
      : h("p", {}, "No source gave a figure."),
  );
}

function claimsSection(root, inc) {
  const claims = inc.claims || [];
  return h(
    "section",
    { "aria-labelledby": "claims-h" },
    h("h2", { id: "claims-h" }, "Claims ledger"),
    claims.length
      ? h(
          "table",
          {},
          h("caption", {}, "Who accused, denied, claimed or confirmed what"),
          h("thead", {}, h("tr", {}, ["Speaker", "Stance", "About", "Claim", "Report"].map((t) => h("th", { scope: "col" }, t)))),
          h(
            "tbody",
            {},
            claims.map((c) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, c.speaker, c.speaker_role ? h("span", { class: "muted" }, ` (${c.speaker_role})`) : null),
                h("td", {}, label(c.stance)),
                h("td", {}, c.actor || "–"),
                h("td", {}, c.text || ""),
                h("td", {}, [c.report, c.source].filter(Boolean).join(" · ")),
              ),
            ),
          ),
        )
      : h("p", {}, "No claims were recorded."),
    claims.length ? valueButton(root, "claims", "Highlight the claims in the reports") : null,
  );
}

/** The text of one report with its evidence marked (all its mentions of this incident). */
function reportText(r) {
  const evidence = {};
  for (const m of r.mentions || []) {
    for (const [k, spans] of Object.entries(m.evidence || {})) {
      (evidence[k] ||= []).push(...spans);
    }
  }
  const body = h("div", { class: "report-text", lang: r.language || null });
  for (const seg of segments(r.text || "", evidence)) {
    if (!seg.keys.length) {
      body.append(document.createTextNode(seg.text));
      continue;
    }
    const mark = h("mark", {
      class: `ev ev-${seg.keys[0]}`,
      tabindex: "-1",
      title: `Evidence for ${seg.keys.map((k) => KEY_NAMES[k] || k).join(", ")}`,
      dataset: { keys: seg.keys.join(" ") },
    });
    mark.textContent = seg.text;
    body.append(mark);
  }
  if (activeKey) {
    for (const m of body.querySelectorAll("mark.ev")) {
      m.classList.toggle("active", m.dataset.keys.split(" ").includes(activeKey));
    }
  }
  return body;
}

/** One report as an article: heading, source line, and its text behind a warning when graphic. */
export function reportArticle(r, i) {
  const id = `report-${i}`;
  const meta = [r.source, r.published_at, r.language].filter(Boolean).join(" · ");
  const art = h(
    "article",
    { class: `report${r.graphic ? " graphic" : ""}`, "aria-labelledby": id, dataset: { report: String(r.id) } },
    h("h3", { id }, r.title || r.external_id || `Report ${r.id}`),
    h(
      "p",
      { class: "meta" },
      meta,
      " · ",
      h("a", { href: `/api/v1/reports/${encodeURIComponent(r.id)}/original`, download: "" }, "original"),
      r.url && /^https?:\/\//i.test(r.url) ? [" · ", h("a", { href: r.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "source page")] : null,
    ),
  );
  if (r.graphic) {
    const warn = h(
      "div",
      { class: "warning", role: "note" },
      h("p", {}, h("strong", {}, "Content warning: "), "this report describes graphic violence. Its text is hidden."),
    );
    const btn = h(
      "button",
      {
        type: "button",
        class: "reveal",
        "aria-expanded": "false",
        onclick: () => {
          warn.remove();
          art.classList.add("revealed");
          const body = reportText(r);
          art.append(body);
          body.tabIndex = -1;
          body.focus();
        },
      },
      "Show the report",
    );
    warn.append(btn);
    art.append(warn);
  } else {
    art.append(reportText(r));
  }
  return art;
}

/** The legend of the evidence kinds the reports have, each a button that highlights them. */
function legend(root, reports) {
  const present = new Set();
  for (const r of reports) {
    for (const m of r.mentions || []) {
      for (const [k, spans] of Object.entries(m.evidence || {})) if (spans && spans.length) present.add(k);
    }
  }
  if (!present.size) return h("p", { class: "muted" }, "No evidence spans were recorded for these reports.");
  return h(
    "div",
    { class: "legend", role: "group", "aria-label": "Evidence legend: highlight passages by kind" },
    h("span", { class: "legend-title" }, "Evidence:"),
    EVIDENCE_KEYS.filter(([key]) => present.has(key)).map(([key, name]) => valueButton(root, key, name)),
    h("button", { type: "button", class: "value", onclick: () => highlight(root, null) }, "Clear"),
  );
}

function historySection(inc) {
  const hist = inc.history || [];
  const notes = inc.notes || [];
  return h(
    "section",
    { "aria-labelledby": "hist-h" },
    h("h2", { id: "hist-h" }, "Notes and history"),
    notes.length
      ? h(
          "ul",
          { class: "notes" },
          notes.map((n) =>
            h("li", {}, h("span", { class: "muted" }, `${n.at || ""} ${n.by || ""}${n.private ? " (private)" : ""}: `), n.text),
          ),
        )
      : h("p", {}, "No notes."),
    hist.length
      ? h(
          "table",
          { class: "history" },
          h("caption", {}, "Audit history"),
          h("thead", {}, h("tr", {}, ["When", "Who", "What", "Details", "Reason"].map((t) => h("th", { scope: "col" }, t)))),
          h(
            "tbody",
            {},
            hist.map((e) =>
              h(
                "tr",
                {},
                h("td", {}, e.at || ""),
                h("td", {}, e.actor || ""),
                h("td", {}, label(e.action)),
                h("td", {}, h("code", {}, e.details == null ? "" : JSON.stringify(e.details))),
                h("td", {}, e.reason || ""),
              ),
            ),
          ),
        )
      : h("p", {}, "No changes by analysts yet."),
  );
}

/** One analyst form: fields, a submit button, and a live result line. */
function form(title, fields, submit) {
  const out = h("p", { class: "form-result", role: "status", "aria-live": "polite" });
  const f = h(
    "form",
    { class: "analyst-form", "aria-label": title },
    h("h3", {}, title),
    fields,
    h("button", { type: "submit" }, title),
    out,
  );
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.textContent = "Working…";
    out.className = "form-result";
    try {
      const msg = await submit(new FormData(f));
      out.textContent = msg;
      out.classList.add("ok");
    } catch (err) {
      const why = err instanceof ApiError && (err.status === 401 || err.status === 403)
        ? `Refused (${err.status}): ${err.message}. Check the analyst token.`
        : `Failed: ${err.message}`;
      out.textContent = why;
      out.classList.add("error");
    }
  });
  return f;
}

let fieldSeq = 0;
function field(labelText, control) {
  const id = `f${++fieldSeq}`;
  control.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, labelText), control);
}

function reasonField() {
  return field("Reason", h("input", { name: "reason", type: "text", autocomplete: "off" }));
}

function analystForms(inc, reload) {
  const code = inc.code;
  const path = (action) => `incidents/${encodeURIComponent(code)}/${action}`;
  const mentions = (inc.reports || []).flatMap((r) =>
    (r.mentions || []).map((m) => ({ id: m.mention, text: `${m.mention}: ${r.title || r.external_id || ""}` })),
  );
  return h(
    "section",
    { class: "analyst", "aria-labelledby": "an-h" },
    h("h2", { id: "an-h" }, "Review (analyst)"),
    form(
      "Merge",
      [
        field("Incident codes to merge into this one (comma-separated)", h("input", { name: "codes", type: "text", required: true, autocomplete: "off" })),
        reasonField(),
      ],
      async (d) => {
        const codes = String(d.get("codes")).split(",").map((s) => s.trim()).filter(Boolean);
        const res = await post(path("merge"), { codes, reason: d.get("reason") });
        const into = (res.incident && res.incident.code) || code;
        reload(into);
        return `Merged into ${into}.`;
      },
    ),
    form(
      "Split",
      [
        h(
          "fieldset",
          {},
          h("legend", {}, "Mentions to move out into a new incident"),
          mentions.map((m) => {
            const id = `f${++fieldSeq}`;
            return h("div", { class: "check" }, h("input", { type: "checkbox", name: "mentions", value: m.id, id }), h("label", { for: id }, m.text));
          }),
        ),
        reasonField(),
      ],
      async (d) => {
        const res = await post(path("split"), { mentions: d.getAll("mentions"), reason: d.get("reason") });
        reload(code);
        return `Moved ${(res.moved || []).join(", ")} into ${res.into || "a new incident"}.`;
      },
    ),
    form(
      "Set a value",
      [
        field("Field", h("select", { name: "field" }, SETTABLE.map((s) => h("option", { value: s }, label(s))))),
        field("Value (e.g. 55, 55-60, 55+, 2016-04-27, hospital, school)", h("input", { name: "value", type: "text", required: true, autocomplete: "off" })),
        reasonField(),
      ],
      async (d) => {
        await post(path("set"), { field: d.get("field"), value: d.get("value"), reason: d.get("reason") });
        reload(code);
        return `Set ${label(d.get("field"))}.`;
      },
    ),
    form(
      "Grade",
      [
        field("Grade", h("select", { name: "grade" }, GRADES.map((g) => h("option", { value: g, selected: g === inc.grade }, label(g))))),
        reasonField(),
      ],
      async (d) => {
        await post(path("grade"), { grade: d.get("grade"), reason: d.get("reason") });
        reload(code);
        return `Graded ${label(d.get("grade"))}.`;
      },
    ),
    form(
      "Add a note",
      [
        field("Note", h("textarea", { name: "text", rows: "3", required: true })),
        h("div", { class: "check" }, h("input", { type: "checkbox", name: "public", id: "note-public", value: "yes" }), h("label", { for: "note-public" }, "Public (otherwise only analysts see it)")),
      ],
      async (d) => {
        await post(path("note"), { text: d.get("text"), public: d.get("public") === "yes" });
        reload(code);
        return "Note added.";
      },
    ),
  );
}

/** Renders the incident `code` into `main`; `navigate(path)` changes page. */
export async function renderIncident(main, code, navigate) {
  clear(main);
  activeKey = null;
  main.append(h("p", { class: "loading" }, `Loading ${code}…`));
  let inc;
  try {
    inc = await get(`incidents/${encodeURIComponent(code)}`);
  } catch (err) {
    clear(main);
    main.append(
      h("h1", { tabindex: "-1" }, `Incident ${code}`),
      h("p", { class: "error", role: "alert" }, err.status === 404 ? "No such incident." : `Could not load it: ${err.message}`),
      h("p", {}, h("a", { href: "/", "data-route": "" }, "Back to the map")),
    );
    main.querySelector("h1").focus();
    return;
  }
  if (inc.code && inc.code !== code) history.replaceState(null, "", `/incident/${encodeURIComponent(inc.code)}`);
  clear(main);
  const reload = (c) => {
    if (c !== inc.code) navigate(`/incident/${encodeURIComponent(c)}`);
    else renderIncident(main, c, navigate);
  };
  const reports = inc.reports || [];
  const page = h("div", { class: "incident" });
  const h1 = h("h1", { tabindex: "-1" }, `${inc.code}: ${label(inc.event_type) || "incident"}`);
  page.append(
    h("p", { class: "crumbs" }, h("a", { href: "/", "data-route": "" }, "← Map"), inc.previous_codes && inc.previous_codes.length ? h("span", { class: "muted" }, ` · formerly ${inc.previous_codes.join(", ")}`) : null),
    h1,
    h("div", { class: "cols" }, summary(page, inc), gradeSection(inc)),
    casualtySection(inc),
    claimsSection(page, inc),
    h(
      "section",
      { "aria-labelledby": "rep-h", class: "reports" },
      h("h2", { id: "rep-h" }, `Reports (${reports.length})`),
      legend(page, reports),
      reports.map(reportArticle),
    ),
    historySection(inc),
    token() ? analystForms(inc, reload) : h("p", { class: "muted" }, "Enter an analyst token (top right) to merge, split, set values, grade or add notes."),
  );
  main.append(page);
  document.title = `${inc.code} · attest`;
  h1.focus();
}
