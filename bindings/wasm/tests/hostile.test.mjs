import { test } from "node:test";
import assert from "node:assert/strict";
import { variants } from "./modules.mjs";

// Reading JS input is recursive inside the module: a value nested too deep used to
// overflow the WebAssembly stack, which corrupted memory and broke every later call.
const nested = (depth, make) => {
  const root = make();
  let cur = root;
  for (let i = 0; i < depth; i++) {
    const next = make();
    if (Array.isArray(cur)) cur.push(next);
    else cur.x = next;
    cur = next;
  }
  return root;
};

const tooDeep = (err) => err instanceof Error && err.code === "invalid_config" && /nested deeper/.test(err.message);

for (const [name, ps] of variants) {
  test(`${name}: deep or cyclic input throws invalid_config and the module keeps working`, () => {
    const page = "<p>Call (305) 234-5678</p>";
    assert.throws(() => ps.extractPhones(page, nested(200_000, () => ({}))), tooDeep);
    assert.throws(() => ps.scoreSite(nested(200_000, () => []), null), tooDeep);
    const cyclic = { baseUrl: "https://a.example/" };
    cyclic.self = cyclic;
    assert.throws(() => ps.extractPhones(page, cyclic), tooDeep);
    // Shallow input nested a little is still read, and later calls work.
    assert.equal(ps.normalize("(305) 234-5678", "US"), "+13052345678");
    assert.deepEqual(
      ps.extractPhones(page, { baseUrl: "https://a.example/" }).map((f) => f.e164),
      ["+13052345678"],
    );
  });
}
