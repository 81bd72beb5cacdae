// Node entry of `phonestorm` ("default" export condition): read the full .wasm next to
// this file and instantiate it synchronously, so the API is usable as soon as the import
// resolves.
import { readFileSync } from "node:fs";
import { initSync } from "./gen/full/phonestorm.js";

initSync({ module: readFileSync(new URL("./gen/full/phonestorm_bg.wasm", import.meta.url)) });

export * from "./full-api.js";
