// Fails when a testdata/*.json file is read by no JS test: every corpus file must be
// named (directly or through its directory) in a `cases("...")` call of a test file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { corpusFiles, root } from "./corpus.mjs";

function allJson(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? allJson(new URL(`${e.name}/`, dir))
      : e.name.endsWith(".json")
        ? [new URL(e.name, dir).href]
        : [],
  );
}

test("every testdata/*.json file is consumed by a JS test", () => {
  const here = new URL("./", import.meta.url);
  const consumed = new Set();
  const tests = readdirSync(here).filter((f) => f.endsWith(".test.mjs") && f !== "coverage.test.mjs");
  for (const f of tests) {
    const src = readFileSync(new URL(f, here), "utf8");
    for (const [, area] of src.matchAll(/cases\("([^"]+)"\)/g)) {
      for (const file of corpusFiles(area)) consumed.add(file.href);
    }
  }
  const missing = allJson(root)
    .filter((f) => !consumed.has(f))
    .map((f) => fileURLToPath(f));
  assert.deepEqual(missing, []);
});
