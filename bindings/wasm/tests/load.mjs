// Loads one of the package's Convex entries (js/convex.js, js/phones-convex.js) as ES
// modules inside a bare V8 context: no require, process, Buffer or fetch; only
// TextEncoder/TextDecoder and WebAssembly, as in Convex's default runtime. The `.wasm`
// import becomes a WebAssembly.Module compiled in the context, as Convex's bundler
// provides it. Needs `node --experimental-vm-modules`.
import vm from "node:vm";
import { readFileSync } from "node:fs";

export const jsDir = new URL("../js/", import.meta.url);

export async function loadInBareContext(entryFile = "convex.js") {
  const context = vm.createContext({ TextEncoder, TextDecoder });
  const compile = vm.runInContext("(bytes) => new WebAssembly.Module(bytes)", context);
  const modules = new Map();
  const load = (url) => {
    let mod = modules.get(url);
    if (mod) return mod;
    if (url.endsWith(".wasm")) {
      const compiled = compile(new Uint8Array(readFileSync(new URL(url))));
      mod = new vm.SyntheticModule(
        ["default"],
        function () {
          this.setExport("default", compiled);
        },
        { context, identifier: url },
      );
    } else {
      mod = new vm.SourceTextModule(readFileSync(new URL(url), "utf8"), {
        context,
        identifier: url,
        initializeImportMeta(meta) {
          meta.url = url;
        },
      });
    }
    modules.set(url, mod);
    return mod;
  };
  const entry = load(new URL(entryFile, jsDir).href);
  await entry.link((specifier, referrer) => load(new URL(specifier, referrer.identifier).href));
  await entry.evaluate();
  return { api: entry.namespace, context };
}
