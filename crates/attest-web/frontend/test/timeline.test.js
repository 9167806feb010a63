import { test } from "node:test";
import assert from "node:assert/strict";
import { histogram } from "../src/timeline.js";

test("short spans are counted per day, including empty days", () => {
  const { unit, bins } = histogram([{ date: "2016-04-27" }, { date: "2016-04-27" }, { date: "2016-04-29" }, { date: "" }]);
  assert.equal(unit, "day");
  assert.deepEqual(bins.map((b) => [b.start, b.count]), [["2016-04-27", 2], ["2016-04-28", 0], ["2016-04-29", 1]]);
});

test("longer spans are counted per Monday-based week, then per month", () => {
  const weeks = histogram([{ date: "2016-01-06" }, { date: "2016-12-31" }]);
  assert.equal(weeks.unit, "week");
  assert.equal(weeks.bins[0].start, "2016-01-04");
  assert.equal(weeks.bins[0].end, "2016-01-10");
  assert.equal(weeks.bins.reduce((n, b) => n + b.count, 0), 2);
  const months = histogram([{ date: "2012-03-15" }, { date: "2016-02-29" }]);
  assert.equal(months.unit, "month");
  assert.equal(months.bins[0].start, "2012-03-01");
  assert.equal(months.bins.at(-1).end, "2016-02-29");
});
