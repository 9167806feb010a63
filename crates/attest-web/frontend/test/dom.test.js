import { test } from "node:test";
import assert from "node:assert/strict";
import { label, range } from "../src/dom.js";

test("casualty ranges read as people write them", () => {
  assert.equal(range(null), "not stated");
  assert.equal(range({ low: null, high: null }), "not stated");
  assert.equal(range({ low: 0, high: 0 }), "0");
  assert.equal(range({ low: 55, high: 55 }), "55");
  assert.equal(range({ low: 27, high: 30 }), "27–30");
  assert.equal(range({ low: 55, high: null }), "55+");
  assert.equal(range({ low: 50, high: 50, open_ended: true }), "50+");
  assert.equal(range({ low: null, high: 9 }), "up to 9");
  assert.equal(label("suicide_bombing"), "suicide bombing");
});
