// Building DOM without innerHTML: strings always become text nodes.

/**
 * h("a", {href: "/x", class: "y", onclick: fn}, "text", child, [more]) -> element.
 * Attributes starting with "on" become listeners; `null`/`false` attributes are skipped;
 * children may be strings, numbers, nodes, arrays, or null.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** "air_strike" -> "air strike". */
export function label(v) {
  return String(v ?? "").replace(/_/g, " ");
}

/**
 * A casualty range {low, high, open_ended?} as text: "55", "55–60", "55+" (no upper bound, or
 * a source said "at least"), "not stated".
 */
export function range(c) {
  if (!c || (c.low == null && c.high == null)) return "not stated";
  if (c.low == null) return `up to ${c.high}`;
  if (c.high == null) return `${c.low}+`;
  const base = c.low === c.high ? String(c.low) : `${c.low}–${c.high}`;
  return c.open_ended ? `${base}+` : base;
}

/** Announces a message to screen readers and shows it in the status line. */
export function announce(text) {
  const el = document.getElementById("status");
  if (el) el.textContent = text;
}
