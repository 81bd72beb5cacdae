// Convex entry of `phonestorm/phones`: the small phone-only module as a WebAssembly.Module
// from Convex's bundler, instantiated with initSync.
import wasmModule from "./gen/phones/phonestorm_bg.wasm";
import { initSync } from "./gen/phones/phonestorm.js";

initSync({ module: wasmModule });

export * from "./phones-api.js";
