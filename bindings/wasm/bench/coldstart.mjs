// Benchmark (not a test) of the two .wasm modules of the package (after `bash build.sh`):
//
// 1. Cold start, as in Convex where every call may get a fresh context: in each of N fresh
//    Node processes, read the .wasm, compile it (`new WebAssembly.Module`, what Convex's
//    bundler stub does at import), instantiate it (`initSync`) and run the first
//    `extractPhones` on a typical page (bench/page.mjs). Median, min and max of each
//    step over the N processes, for `phones` and `full`, runs interleaved.
// 2. Warm, in this process: per-call overhead of a short call (normalize, areaCode), the
//    per-page time of extractPhones, and the first non-NANP normalize (the `phonenumber`
//    crate's metadata load, off the +1 path).
// 3. Raw and gzipped size of each .wasm.
//
//   node bench/coldstart.mjs [--runs 11] [--node-flags=--no-wasm-lazy-compilation]
//                            [--baseline DIR]
//     --baseline DIR: also cold-start another build of the phones module (DIR holds its
//     phonestorm.js and phonestorm_bg.wasm, e.g. the previous release's js/gen/phones),
//     interleaved with ours in the same run, and print our median over its median: on a
//     shared, noisy machine the ratio is the figure that carries over.
//   taskset -c 1 nice -n -5 node bench/coldstart.mjs      (one core, less noise)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { page } from "./page.mjs";

const cli = process.argv.slice(2);
const baselineAt = cli.indexOf("--baseline");
const baselineDir = baselineAt >= 0 ? cli[baselineAt + 1] : process.env.PHONESTORM_BASELINE_DIR;
const gen = (variant, file) =>
  variant === "base"
    ? pathToFileURL(`${baselineDir}/${file}`)
    : new URL(`../js/gen/${variant}/${file}`, import.meta.url);
const variants = baselineDir ? ["phones", "full", "base"] : ["phones", "full"];

// A 30-byte page: what the first call costs beyond the work on the page (V8 compiles
// wasm functions lazily, on their first call).
const tinyPage = "<p>Call (305) 234-5678</p>";

async function child(variant, which) {
  const input = which === "tiny" ? tinyPage : page;
  const t0 = performance.now();
  const glue = await import(gen(variant, "phonestorm.js"));
  const t1 = performance.now();
  const bytes = readFileSync(gen(variant, "phonestorm_bg.wasm"));
  const t2 = performance.now();
  const module = new WebAssembly.Module(bytes);
  const t3 = performance.now();
  glue.initSync({ module });
  const t4 = performance.now();
  const found = glue.extractPhones(input, { baseUrl: "https://acme.example/" });
  const t5 = performance.now();
  const second = performance.now();
  glue.extractPhones(input, { baseUrl: "https://acme.example/" });
  const t6 = performance.now();
  process.stdout.write(
    JSON.stringify({
      glue: t1 - t0,
      read: t2 - t1,
      compile: t3 - t2,
      instantiate: t4 - t3,
      firstCall: t5 - t4,
      coldStart: t5 - t2,
      secondCall: t6 - second,
      findings: found.length,
    }),
  );
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

const fmt = (x) => x.toFixed(1).padStart(6);

function coldStarts(runs, which) {
  const results = Object.fromEntries(variants.map((v) => [v, []]));
  const script = fileURLToPath(import.meta.url);
  for (let i = 0; i < runs; i++) {
    for (const v of variants) {
      const out = execFileSync(process.execPath, [...nodeFlags, script, "--child", v, which], {
        encoding: "utf8",
        env: { ...process.env, PHONESTORM_BASELINE_DIR: baselineDir ?? "" },
      });
      results[v].push(JSON.parse(out));
    }
  }
  const what = which === "tiny" ? `a ${tinyPage.length}-byte page` : "the typical page";
  console.log(`cold start on ${what}, ${runs} fresh node processes per module (ms: median [min–max])`);
  const steps = ["read", "compile", "instantiate", "firstCall", "coldStart", "secondCall"];
  for (const v of variants) {
    const line = steps.map((k) => {
      const s = stats(results[v].map((r) => r[k]));
      return `${k} ${fmt(s.median)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;
    });
    console.log(`  ${v.padEnd(6)} ${line.join("  ")}  (${results[v][0].findings} findings)`);
  }
  const ratio = stats(results.full.map((r) => r.coldStart)).median /
    stats(results.phones.map((r) => r.coldStart)).median;
  console.log(`  full / phones cold start (medians): ${ratio.toFixed(2)}×`);
  if (results.base) {
    const vsBase = stats(results.phones.map((r) => r.coldStart)).median /
      stats(results.base.map((r) => r.coldStart)).median;
    console.log(`  phones / baseline cold start (medians): ${vsBase.toFixed(2)}×`);
  }
}

async function warm(variant) {
  const glue = await import(gen(variant, "phonestorm.js"));
  glue.initSync({ module: new WebAssembly.Module(readFileSync(gen(variant, "phonestorm_bg.wasm"))) });
  const per = (n, f) => {
    f();
    const t = performance.now();
    for (let i = 0; i < n; i++) f();
    return ((performance.now() - t) * 1000) / n;
  };
  const normalize = per(20000, () => glue.normalize("(305) 234-5678", "US"));
  const areaCode = per(20000, () => glue.areaCode(305));
  const extract = per(200, () => glue.extractPhones(page, null)) / 1000;
  // The phones module has no numbering metadata: numbers outside +1 throw there.
  let intl = "n/a (NANP only)";
  if (variant === "full") {
    const t = performance.now();
    glue.normalize("+44 20 7946 0958", "GB");
    intl = `${(performance.now() - t).toFixed(1)} ms`;
  }
  console.log(
    `  ${variant.padEnd(6)} normalize ${normalize.toFixed(2)} µs/call; areaCode ${areaCode.toFixed(2)} µs/call; ` +
      `extractPhones warm ${extract.toFixed(3)} ms/page; first non-NANP normalize ${intl}`,
  );
}

const args = process.argv.slice(2);
// Extra flags for the child processes, e.g. --node-flags=--no-wasm-lazy-compilation.
const nodeFlags = args.filter((a) => a.startsWith("--node-flags=")).map((a) => a.slice(13));
if (args[0] === "--child") {
  await child(args[1], args[2]);
} else {
  const runs = Number(args[args.indexOf("--runs") + 1]) || 11;
  if (nodeFlags.length) console.log(`child node flags: ${nodeFlags.join(" ")}`);
  console.log(`page: ${page.length} chars; node ${process.version}`);
  for (const v of variants) {
    const bytes = readFileSync(gen(v, "phonestorm_bg.wasm"));
    console.log(`  ${v.padEnd(6)} .wasm ${bytes.length} bytes raw, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
  }
  coldStarts(runs, "typical");
  coldStarts(runs, "tiny");
  console.log("warm, one process per module");
  for (const v of variants.filter((v) => v !== "base")) await warm(v);
}
