// The public API: the wasm-bindgen exports, re-exported by name. Entry points
// (node.js, convex.js) instantiate the module first with initSync.
export {
  areaCode,
  classify,
  defaultScoreConfig,
  extractPhones,
  extractPhonesText,
  nanpSourceVersion,
  normalize,
  normalizeMany,
  parse,
  scoreSite,
} from "./gen/phonestorm.js";
