// Evidence spans arrive as [start, end) byte offsets into the UTF-8 report text; JavaScript
// strings index UTF-16 code units. These helpers convert, then cut the text into segments that
// each know which evidence keys cover them, so overlapping spans render without nesting marks.

/** Number of UTF-8 bytes the code point `cp` takes. */
function utf8Len(cp) {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/**
 * A function mapping a UTF-8 byte offset of `text` to the UTF-16 index of the same position.
 * An offset inside a multi-byte character maps to the start of the next character; offsets past
 * the end map to the end.
 */
export function byteToIndex(text) {
  const starts = []; // byte offset of each code point, in order
  const indices = []; // its UTF-16 index
  let byte = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i);
    starts.push(byte);
    indices.push(i);
    byte += utf8Len(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  const total = byte;
  return (offset) => {
    if (!(offset > 0)) return 0;
    if (offset >= total) return text.length;
    // First code point starting at or after `offset`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < indices.length ? indices[lo] : text.length;
  };
}

/**
 * Cuts `text` into segments by evidence. `evidence` maps a key (killed, location, ...) to a
 * list of [start, end) byte spans. Returns [{text, keys}] in order, `keys` sorted and possibly
 * empty; the segments' texts concatenate to `text`. Bad spans (reversed, non-numeric) are
 * skipped.
 */
export function segments(text, evidence) {
  const toIndex = byteToIndex(text);
  const spans = [];
  for (const [key, list] of Object.entries(evidence || {})) {
    if (!Array.isArray(list)) continue;
    for (const span of list) {
      if (!Array.isArray(span) || span.length < 2) continue;
      const [b0, b1] = span;
      if (typeof b0 !== "number" || typeof b1 !== "number" || b1 <= b0) continue;
      const s = toIndex(b0);
      const e = toIndex(b1);
      if (e > s) spans.push({ s, e, key });
    }
  }
  const cuts = new Set([0, text.length]);
  for (const sp of spans) {
    cuts.add(sp.s);
    cuts.add(sp.e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    if (b <= a) continue;
    const keys = [...new Set(spans.filter((sp) => sp.s <= a && sp.e >= b).map((sp) => sp.key))].sort();
    const last = out[out.length - 1];
    if (last && last.keys.join() === keys.join()) last.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), keys });
  }
  return out;
}
