import { test } from "node:test";
import assert from "node:assert/strict";
import * as ps from "phonestorm";

test("areaCode returns plain objects", () => {
  const fl = ps.areaCode(850);
  assert.deepEqual(fl, {
    npa: 850,
    region: "US",
    state: "FL",
    place: "Florida",
    zones: ["America/Chicago", "America/New_York"],
  });
  assert.equal(Object.getPrototypeOf(fl), Object.prototype);
  assert.equal(ps.areaCode(555), null);
});
