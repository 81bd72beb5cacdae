// Convex entry of `phonestorm` ("convex" export condition). Convex's default runtime is a
// V8 isolate without Node APIs; its bundler turns a `.wasm` import into a
// WebAssembly.Module, which initSync instantiates synchronously.
import wasmModule from "./gen/full/phonestorm_bg.wasm";
import { initSync } from "./gen/full/phonestorm.js";

initSync({ module: wasmModule });

export * from "./full-api.js";
