// A report on its own (/report/ID): metadata, the original download, and the text with the
// evidence of every incident its current extraction found.

import { get } from "./api.js";
import { clear, h } from "./dom.js";
import { reportArticle } from "./incident.js";

export async function renderReport(main, id) {
  clear(main);
  main.append(h("p", { class: "loading" }, `Loading report ${id}…`));
  let res;
  try {
    res = await get(`reports/${encodeURIComponent(id)}`);
  } catch (err) {
    clear(main);
    main.append(
      h("h1", { tabindex: "-1" }, `Report ${id}`),
      h("p", { class: "error", role: "alert" }, err.status === 404 ? "No such report." : `Could not load it: ${err.message}`),
    );
    main.querySelector("h1").focus();
    return;
  }
  const rep = res.report || {};
  const incidents = (res.extraction && res.extraction.result && res.extraction.result.incidents) || [];
  const article = reportArticle(
    {
      id: rep.id,
      external_id: rep.external_id,
      title: rep.title,
      source: rep.source_name,
      published_at: rep.published_at,
      language: rep.language,
      url: rep.url,
      text: rep.text,
      graphic: Boolean(res.graphic),
      mentions: incidents.map((inc, idx) => ({ mention: `${rep.id}#${idx}`, evidence: inc.evidence || {} })),
    },
    0,
  );
  clear(main);
  const h1 = h("h1", { tabindex: "-1" }, rep.title || rep.external_id || `Report ${id}`);
  main.append(
    h("p", { class: "crumbs" }, h("a", { href: "/", "data-route": "" }, "← Map")),
    h1,
    h("p", { class: "muted" }, `${incidents.length} incident${incidents.length === 1 ? "" : "s"} found in it; passages that support a value are marked.`),
    article,
  );
  document.title = `${rep.title || rep.external_id || "Report"} · attest`;
  h1.focus();
}

/** Reports matching `q` (full-text search), with their snippets. */
export async function renderSearch(root, q) {
  clear(root);
  if (!q) return;
  let res;
  try {
    res = await get("search", { q, limit: 20 });
  } catch (err) {
    root.append(h("p", { class: "error" }, `Search failed: ${err.message}`));
    return;
  }
  const hits = res.hits || [];
  root.append(
    h("h2", { id: "search-h" }, `Reports mentioning “${q}” (${hits.length}${hits.length === 20 ? "+" : ""})`),
    hits.length
      ? h(
          "ol",
          { class: "hits", "aria-labelledby": "search-h" },
          hits.map((hit) =>
            h(
              "li",
              {},
              h("a", { href: `/report/${encodeURIComponent(hit.report_id)}`, "data-route": "" }, hit.title || hit.external_id),
              h("span", { class: "muted" }, ` ${[hit.source, hit.published_at].filter(Boolean).join(" · ")}`),
              h("p", { class: "snippet" }, (hit.snippet || []).map((p) => (p.match ? h("mark", {}, p.text) : p.text))),
            ),
          ),
        )
      : h("p", {}, "No report matches."),
  );
}
