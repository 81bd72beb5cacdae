// Benchmark (not a test): cold start = compile + instantiate the .wasm + first extractPhones
// on a typical small-business page, in a fresh Node process; then per-call overhead of a
// short call (normalize) and the per-page time of extractPhones once warm.
//   node bench/coldstart.mjs      (after bash build.sh)
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const page = `<!doctype html><html><head><title>Acme Plumbing | Miami, FL</title>
<script type="application/ld+json">{"@type":"Plumber","name":"Acme","telephone":"+1-305-234-5678"}</script>
<style>body{font-family:sans-serif}</style></head><body>
<header><nav><a href="/">Home</a> <a href="/contact">Contact</a></nav>
<a href="tel:+13052345678">Call (305) 234-5678</a></header>
${"<section><h2>Our services</h2><p>Drain cleaning, water heaters, repiping and leak detection across Miami-Dade. Licensed and insured since 1998. Same-day service, upfront pricing, no overtime charges.</p></section>\n".repeat(60)}
<h3>Emergency? Call 786-321-4567</h3>
<footer>Office: (305) 234-5678 · Fax: 305.234.5679 · Toll free 1-888-555-0247<br>123 Main St, Miami, FL 33130</footer>
<script>var tracking = "786-000-1111";</script></body></html>`;

const t0 = performance.now();
const bytes = readFileSync(new URL("../js/gen/phonestorm_bg.wasm", import.meta.url));
const glue = await import("../js/gen/phonestorm.js");
const t1 = performance.now();
const module = new WebAssembly.Module(bytes);
glue.initSync({ module });
const t2 = performance.now();
const found = glue.extractPhones(page, { baseUrl: "https://acme.example/" });
const t3 = performance.now();
console.log(`page: ${page.length} chars, ${found.length} findings`);
console.log(`read+import glue ${(t1 - t0).toFixed(1)} ms; compile+instantiate ${(t2 - t1).toFixed(1)} ms; first extractPhones ${(t3 - t2).toFixed(1)} ms; cold start (compile+instantiate+first call) ${(t3 - t1).toFixed(1)} ms`);

const n = 20000;
glue.normalize("(305) 234-5678", "US");
let t = performance.now();
for (let i = 0; i < n; i++) glue.normalize("(305) 234-5678", "US");
console.log(`normalize (short call): ${(((performance.now() - t) * 1000) / n).toFixed(2)} µs/call`);
t = performance.now();
for (let i = 0; i < n; i++) glue.areaCode(305);
console.log(`areaCode (object out): ${(((performance.now() - t) * 1000) / n).toFixed(2)} µs/call`);
t = performance.now();
for (let i = 0; i < 200; i++) glue.extractPhones(page, null);
console.log(`extractPhones warm: ${((performance.now() - t) / 200).toFixed(3)} ms/page`);
t = performance.now();
glue.normalize("+44 20 7946 0958", "GB");
console.log(`first non-NANP normalize (phonenumber metadata): ${(performance.now() - t).toFixed(1)} ms`);
