import { test } from "node:test";
import assert from "node:assert/strict";
import { byteToIndex, segments } from "../src/evidence.js";

const bytes = (s) => Buffer.byteLength(s, "utf8");

test("byte offsets map to string indices across multi-byte text", () => {
  const text = "Alep: قصف 😀 55 killed";
  const at = byteToIndex(text);
  const i55 = text.indexOf("55");
  assert.equal(at(bytes(text.slice(0, i55))), i55);
  assert.equal(at(0), 0);
  assert.equal(at(bytes(text)), text.length);
  assert.equal(at(bytes(text) + 10), text.length);
  // Inside the 4-byte emoji: next character.
  const iEmoji = text.indexOf("😀");
  assert.equal(at(bytes(text.slice(0, iEmoji)) + 1), iEmoji + 2);
});

test("segments cover the text and carry overlapping keys", () => {
  const text = "In Ḥalab 55 people died.";
  const place = [bytes("In "), bytes("In Ḥalab")];
  const killed = [bytes("In Ḥalab "), bytes("In Ḥalab 55 people died")];
  const event = [bytes("In Ḥalab 55 people "), bytes("In Ḥalab 55 people died")];
  const segs = segments(text, { location: [place], killed: [killed], event_type: [event], junk: [[5, 2], "x"] });
  assert.equal(segs.map((s) => s.text).join(""), text);
  const byText = Object.fromEntries(segs.map((s) => [s.text, s.keys]));
  assert.deepEqual(byText["Ḥalab"], ["location"]);
  assert.deepEqual(byText["55 people "], ["killed"]);
  assert.deepEqual(byText["died"], ["event_type", "killed"]);
  assert.deepEqual(byText["In "], []);
});

test("no evidence gives one plain segment", () => {
  assert.deepEqual(segments("abc", undefined), [{ text: "abc", keys: [] }]);
  assert.deepEqual(segments("", {}), []);
});
