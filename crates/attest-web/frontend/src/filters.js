// Filters live in the URL query string (?from=&to=&country=&event_type=&target=&grade=&q=) so a
// view can be bookmarked and shared; the map, timeline and list all read them from here.

export const FILTER_KEYS = ["from", "to", "country", "event_type", "target", "grade", "q"];

export function readFilters(search = location.search) {
  const p = new URLSearchParams(search);
  const f = {};
  for (const k of FILTER_KEYS) f[k] = (p.get(k) || "").trim();
  return f;
}

/** The query string for `filters` (empty values left out), with a leading "?" or "". */
export function queryString(filters) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k]) p.set(k, filters[k]);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/**
 * The incidents passing the structured filters (everything but `q`, which the server answers).
 * `skipDates` leaves the date range out, for the timeline's own counts.
 */
export function applyFilters(items, f, skipDates = false) {
  const from = skipDates ? "" : f.from;
  const to = skipDates ? "" : f.to;
  return items.filter(
    (it) =>
      (!from || (it.date && it.date >= from)) &&
      (!to || (it.date && it.date <= to)) &&
      (!f.country || it.country === f.country) &&
      (!f.event_type || it.type === f.event_type) &&
      (!f.target || it.targets.includes(f.target)) &&
      (!f.grade || it.grade === f.grade),
  );
}
