import { test } from "node:test";
import assert from "node:assert/strict";
import { isNanp, nanpOnly, variants } from "./modules.mjs";
import { cases } from "./corpus.mjs";

for (const [name, ps] of variants) {
  test(`${name}: html corpus through extractPhones`, () => {
    for (const c of cases("phones/html_cases")) {
      const found = ps.extractPhones(c.html, { baseUrl: c.url });
      const key = (e164, placement, role) => `${e164}|${placement}|${role}`;
      const seen = new Set(found.map((f) => key(f.e164, f.placement, f.role)));
      const expect = nanpOnly(name) ? c.expect.filter((e) => isNanp(e.e164)) : c.expect;
      const expected = new Set(expect.map((e) => key(e.e164, e.placement, e.role)));
      for (const e of expected) assert.ok(seen.has(e), `${c.name}: missing ${e}`);
      if (c.exact) assert.deepEqual([...seen].sort(), [...expected].sort(), c.name);
      for (const r of c.reject) assert.ok(found.every((f) => f.e164 !== r), `${c.name}: ${r}`);
      for (const f of found) {
        assert.equal(Object.getPrototypeOf(f), Object.prototype);
        assert.equal(f.pageKind, c.page_kind, c.name);
        assert.equal(f.page, c.url, c.name);
        assert.equal(f.start, null);
        assert.ok(f.confidence >= 0 && f.confidence <= 1);
      }
    }
  });

  test(`${name}: extractPhones options and errors`, () => {
    const html = '<footer>Fax: 305.234.5679 <a href="tel:+13052345678">Call</a></footer>';
    const found = ps.extractPhones(html, { baseUrl: "/contact", pageKind: "contact" });
    const tel = found.find((f) => f.placement === "tel_link");
    assert.equal(tel.e164, "+13052345678");
    assert.equal(tel.pageKind, "contact");
    assert.equal(tel.page, "/contact");
    assert.throws(
      () => ps.extractPhones("<p>x</p>", { pageKind: "basement" }),
      (err) => err instanceof Error && err.code === "invalid_config",
    );
  });
}
