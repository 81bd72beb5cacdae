// Reads the shared testdata/ corpus: every case of testdata/<area>/*.json or <area>.json.
import { readFileSync, readdirSync, existsSync } from "node:fs";

const root = new URL("../../../testdata/", import.meta.url);

export function cases(area) {
  const file = new URL(`${area}.json`, root);
  const files = existsSync(file)
    ? [file]
    : readdirSync(new URL(`${area}/`, root))
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => new URL(`${area}/${f}`, root));
  return files.flatMap((f) => JSON.parse(readFileSync(f, "utf8")).cases);
}
