// Node entry ("default" export condition): read the .wasm next to this file and
// instantiate it synchronously, so the API is usable as soon as the import resolves.
import { readFileSync } from "node:fs";
import { initSync } from "./gen/phonestorm.js";

initSync({ module: readFileSync(new URL("./gen/phonestorm_bg.wasm", import.meta.url)) });

export * from "./api.js";
