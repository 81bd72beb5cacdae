// Types of `phonestorm/phones`: the small module with only the phone functions (same
// signatures and results as in `phonestorm`, see index.d.ts). Import it where a cold
// call only needs phones: it compiles less code than the whole core.
export type {
  AreaCode,
  Classification,
  ExtractOptions,
  Finding,
  LeadPhoneFields,
  LineTypeData,
  PageKind,
  PhoneNumber,
  PhoneType,
  PhonestormError,
  Placement,
  Role,
  ScoreConfig,
  ScoredNumber,
  Sighting,
  SiteScore,
} from "./index.js";
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
} from "./index.js";
