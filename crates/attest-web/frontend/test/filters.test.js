import { test } from "node:test";
import assert from "node:assert/strict";
import { applyFilters, queryString, readFilters } from "../src/filters.js";

const items = [
  { code: "A", date: "2016-04-27", country: "SY", type: "air_strike", targets: ["hospital"], grade: "confirmed" },
  { code: "B", date: "2016-05-02", country: "SY", type: "shelling", targets: [], grade: "single_source" },
  { code: "C", date: "2017-01-10", country: "IQ", type: "air_strike", targets: ["market"], grade: "corroborated" },
  { code: "D", date: "", country: "", type: "other", targets: [], grade: "" },
];
const none = readFilters("");

test("filters narrow by each field", () => {
  const codes = (f) => applyFilters(items, { ...none, ...f }).map((i) => i.code).join();
  assert.equal(codes({}), "A,B,C,D");
  assert.equal(codes({ country: "SY" }), "A,B");
  assert.equal(codes({ event_type: "air_strike" }), "A,C");
  assert.equal(codes({ target: "market" }), "C");
  assert.equal(codes({ grade: "confirmed" }), "A");
  assert.equal(codes({ from: "2016-05-01" }), "B,C");
  assert.equal(codes({ from: "2016-04-01", to: "2016-04-30" }), "A");
  assert.equal(applyFilters(items, { ...none, to: "2016-04-30" }, true).length, 4);
});

test("the URL round-trips filters and drops empty ones", () => {
  const qs = queryString({ ...none, country: "SY", q: "Aleppo hospital" });
  assert.equal(qs, "?country=SY&q=Aleppo+hospital");
  assert.deepEqual(readFilters(qs), { ...none, country: "SY", q: "Aleppo hospital" });
  assert.equal(queryString(none), "");
});
