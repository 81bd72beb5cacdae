import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { full, phones } from "./modules.mjs";

const declared = (file) =>
  [...readFileSync(new URL(`../js/${file}`, import.meta.url), "utf8").matchAll(/^export function (\w+)/gm)]
    .map((m) => m[1])
    .sort();

test("index.d.ts declares exactly the functions `phonestorm` exports", () => {
  assert.deepEqual(Object.keys(full).sort(), declared("index.d.ts"));
  for (const f of Object.values(full)) assert.equal(typeof f, "function");
});

test("`phonestorm/phones` is the phone subset, named as in phones.d.ts", () => {
  const src = readFileSync(new URL("../js/phones.d.ts", import.meta.url), "utf8");
  const block = src.slice(src.lastIndexOf("export {"));
  const names = [...block.matchAll(/^\s+(\w+),$/gm)].map((m) => m[1]).sort();
  assert.deepEqual(Object.keys(phones).sort(), names);
  for (const name of names) assert.ok(name in full, name);
  // The small module really lacks the rest of the core.
  assert.equal("checkSend" in phones, false);
});

test("areaCode returns plain objects", () => {
  for (const ps of [full, phones]) {
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
  }
});

test("the .d.ts files use no `any`", () => {
  for (const file of ["index.d.ts", "phones.d.ts"]) {
    const code = readFileSync(new URL(`../js/${file}`, import.meta.url), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/, file);
  }
});
