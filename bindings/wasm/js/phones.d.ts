// Types of `phonestorm/phones`: the small module with only the phone functions (same
// signatures as in `phonestorm`, see index.d.ts). Import it where a cold call only needs
// phones: it is built without the core's `intl` feature, so it holds no numbering
// metadata and no regex engine (about a sixth of the full module). NANP (+1) numbers give
// the same results as the full module; numbers outside +1 throw `international_unsupported`
// (normalize, parse), are skipped (extractPhones, extractPhonesText, normalizeMany → null)
// or classify as `unknown`.
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
