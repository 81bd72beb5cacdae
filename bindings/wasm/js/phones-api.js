// The phone functions only, from the small module (no emails, domains, compliance...):
// less code to compile on a cold call. Same names and results as the full entry.
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
} from "./gen/phones/phonestorm.js";
