// Reads the shared testdata/ corpus: every case of testdata/<area>/*.json or <area>.json.
// coverage.test.mjs checks that every corpus file is named in some test's cases() call.
import { readFileSync, readdirSync, existsSync } from "node:fs";

export const root = new URL("../../../testdata/", import.meta.url);

/** The `.json` files `cases(area)` reads. */
export function corpusFiles(area) {
  const file = new URL(`${area}.json`, root);
  return existsSync(file)
    ? [file]
    : readdirSync(new URL(`${area}/`, root))
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => new URL(`${area}/${f}`, root));
}

export function cases(area) {
  const all = corpusFiles(area).flatMap((f) => JSON.parse(readFileSync(f, "utf8")).cases);
  if (all.length === 0) throw new Error(`no cases in testdata/${area}`);
  return all;
}

/** The corpus's snake_case field names in camelCase, as JS callers write them (keys that
 * are data, such as `FL` or `+13055550100`, stay). */
export function camel(value) {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      /^[a-z][a-z0-9_]*$/.test(k) ? k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()) : k,
      camel(v),
    ]),
  );
}
