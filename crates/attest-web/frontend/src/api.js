// The attest HTTP API (/api/v1): reads, and analyst writes with a bearer token kept for this
// browser tab only (sessionStorage).

const TOKEN_KEY = "attest.token";

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  } catch {
    return "";
  }
}

export function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the token lasts until reload only.
  }
  tokenRefused = false;
  document.dispatchEvent(new CustomEvent("attest:token"));
}

/** An API failure with the HTTP status and the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function headers(extra, withToken = true) {
  const h = { Accept: "application/json", ...extra };
  const t = withToken ? token() : "";
  if (t) h.Authorization = `Bearer ${t}`;
  return h;
}

/** Set when the server refused the token on a read: the header says so. */
export let tokenRefused = false;

async function check(res) {
  if (res.ok) return res.json();
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = await res.json();
    // {"error": {"status", "message"}} from attest serve; plainer shapes too.
    const e = body && body.error;
    const text = (e && typeof e === "object" ? e.message : e) || (body && body.message);
    if (typeof text === "string" && text) message = text;
  } catch {
    // not JSON
  }
  throw new ApiError(res.status, message);
}

/** GET /api/v1/<path> with query parameters (empty values left out). */
export async function get(path, params, signal) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const qs = q.toString();
  const url = `/api/v1/${path}${qs ? `?${qs}` : ""}`;
  let res = await fetch(url, { headers: headers(), signal });
  if (res.status === 401 && token()) {
    // A wrong or revoked token must not hide public data: read without it, and say so.
    res = await fetch(url, { headers: headers({}, false), signal });
    if (!tokenRefused) {
      tokenRefused = true;
      document.dispatchEvent(new CustomEvent("attest:token-refused"));
    }
  }
  return check(res);
}

/** POST JSON to /api/v1/<path> with the bearer token. */
export async function post(path, body) {
  const res = await fetch(`/api/v1/${path}`, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  });
  return check(res);
}

/** A map point of /api/v1/incidents/points ([lat, lon, code, date, event_type, grade, killed]). */
export function point(p) {
  const [lat, lon, code, date, type, grade, killed] = p;
  return { lat, lon, code, date: date || "", type: type || "", grade: grade || "", killed: killed ?? null };
}

/** The fields the list shows, from a list item of /api/v1/incidents. */
export function compact(it) {
  const loc = it.location || {};
  const date = it.date || {};
  return {
    code: it.code,
    lat: typeof loc.lat === "number" ? loc.lat : null,
    lon: typeof loc.lon === "number" ? loc.lon : null,
    place: loc.name || loc.mention || "",
    country: loc.country_code || "",
    countryName: loc.country || loc.country_code || "",
    date: date.start || "",
    type: it.event_type || "",
    targets: Array.isArray(it.targets) ? it.targets : [],
    grade: it.grade || "",
    killed: it.killed || null,
    sources: it.sources ?? null,
  };
}
