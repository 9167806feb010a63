// The timeline: incidents counted per day, week or month (by the span shown) as a row of bar
// buttons. Click a bar to filter to it, drag across bars (or Shift+click) to filter to a range;
// keyboard: Tab to the bars, arrows move, Enter picks, Shift+Enter extends.

import { clear, h } from "./dom.js";

const DAY = 86400000;

// The bar a drag started on; any pointer release ends the drag.
let dragFrom = null;
if (typeof document !== "undefined") {
  document.addEventListener("pointerup", () => setTimeout(() => (dragFrom = null)), true);
}

function parse(d) {
  const [y, m, dd] = d.split("-").map(Number);
  return Date.UTC(y, m - 1, dd);
}

function fmt(t) {
  return new Date(t).toISOString().slice(0, 10);
}

/** Start of the bin holding day `t` (ms, UTC midnight). Weeks start on Monday. */
export function binStart(t, unit) {
  const d = new Date(t);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;
  return t;
}

function nextBin(t, unit) {
  const d = new Date(t);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + (unit === "week" ? 7 : 1) * DAY;
}

/** Counts per bin over the dated items: {unit, bins: [{start, end, count}]} (end inclusive). */
export function histogram(items) {
  let min = Infinity;
  let max = -Infinity;
  const days = [];
  for (const it of items) {
    if (!/^\d{4}-\d\d-\d\d$/.test(it.date)) continue;
    const t = parse(it.date);
    days.push(t);
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!days.length) return { unit: "day", bins: [] };
  const span = (max - min) / DAY;
  const unit = span <= 120 ? "day" : span <= 3 * 366 ? "week" : "month";
  const first = binStart(min, unit);
  const bins = [];
  const index = new Map();
  for (let t = first; t <= max; t = nextBin(t, unit)) {
    index.set(t, bins.length);
    bins.push({ start: fmt(t), end: fmt(nextBin(t, unit) - DAY), count: 0 });
  }
  for (const t of days) bins[index.get(binStart(t, unit))].count++;
  return { unit, bins };
}

/**
 * Draws the timeline of `items` into `root`; `range` is {from, to} currently filtered;
 * `onRange(from, to)` is called when the user picks bins.
 */
export function renderTimeline(root, items, range, onRange) {
  clear(root);
  const { unit, bins } = histogram(items);
  if (!bins.length) {
    root.append(h("p", { class: "muted" }, "No dated incidents."));
    return;
  }
  const peak = Math.max(...bins.map((b) => b.count), 1);
  const inRange = (b) => (!range.from || b.end >= range.from) && (!range.to || b.start <= range.to);
  const filtered = Boolean(range.from || range.to);
  let anchor = null;
  const pick = (a, b) => {
    const [x, y] = a <= b ? [a, b] : [b, a];
    onRange(bins[x].start, bins[y].end);
  };
  const bar = h("div", {
    class: "bars",
    role: "group",
    "aria-label": `Incidents per ${unit}; pick a bar to filter the dates`,
  });
  const current = Math.max(0, filtered ? bins.findIndex(inRange) : bins.length - 1);
  bins.forEach((b, i) => {
    const name = unit === "day" ? b.start : `${b.start} to ${b.end}`;
    const btn = h(
      "button",
      {
        type: "button",
        class: `bar${filtered && inRange(b) ? " selected" : ""}`,
        tabindex: i === current ? "0" : "-1",
        "aria-label": `${name}: ${b.count} incident${b.count === 1 ? "" : "s"}`,
        title: `${name}: ${b.count}`,
        dataset: { start: b.start, end: b.end, count: String(b.count) },
      },
      h("span", { class: "fill", style: `height:${Math.max(b.count ? 4 : 0, (100 * b.count) / peak)}%` }),
    );
    btn.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      dragFrom = i;
      // Touch pointers are captured by the first bar; release so the others see the drag.
      if (btn.hasPointerCapture(e.pointerId)) btn.releasePointerCapture(e.pointerId);
    });
    btn.addEventListener("pointerenter", () => {
      if (dragFrom === null) return;
      // Show the range being brushed.
      const [x, y] = dragFrom <= i ? [dragFrom, i] : [i, dragFrom];
      bar.querySelectorAll("button").forEach((b, k) => b.classList.toggle("brushing", k >= x && k <= y));
    });
    btn.addEventListener("pointerup", (e) => {
      if (dragFrom !== null && dragFrom !== i) {
        pick(dragFrom, i);
        e.preventDefault();
      }
    });
    btn.addEventListener("click", (e) => {
      if (dragFrom !== null && dragFrom !== i) {
        dragFrom = null;
        return;
      }
      dragFrom = null;
      if (e.shiftKey && anchor !== null) pick(anchor, i);
      else {
        anchor = i;
        pick(i, i);
      }
    });
    btn.addEventListener("keydown", (e) => {
      const step = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[e.key];
      if (step !== undefined) {
        e.preventDefault();
        const buttons = bar.querySelectorAll("button");
        const j = Math.min(buttons.length - 1, Math.max(0, i + step));
        buttons[i].tabIndex = -1;
        buttons[j].tabIndex = 0;
        buttons[j].focus();
      } else if (e.key === "Enter" && e.shiftKey && anchor !== null) {
        e.preventDefault();
        pick(anchor, i);
      }
    });
    bar.append(btn);
  });
  root.append(
    bar,
    h(
      "div",
      { class: "axis", "aria-hidden": "true" },
      h("span", {}, bins[0].start),
      h("span", {}, `per ${unit}, peak ${peak}`),
      h("span", {}, bins[bins.length - 1].end),
    ),
  );
}
