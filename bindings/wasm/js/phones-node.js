// Node entry of `phonestorm/phones`: the small phone-only module, instantiated at import.
import { readFileSync } from "node:fs";
import { initSync } from "./gen/phones/phonestorm.js";

initSync({ module: readFileSync(new URL("./gen/phones/phonestorm_bg.wasm", import.meta.url)) });

export * from "./phones-api.js";
