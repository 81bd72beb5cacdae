// Hand-written types for the `phonestorm` npm package. Checked by hand against
// bindings/wasm/src/*.rs and by tsc over examples/convex. Results are plain objects with
// camelCase keys; offsets count UTF-16 code units; failures throw PhonestormError.

/** Every error thrown by phonestorm: an `Error` carrying the core's stable snake_case code
 * (`PhoneError` codes such as `too_few_digits`, `nanp_fictional`; `invalid_config` for
 * arguments of the wrong shape). */
export interface PhonestormError extends Error {
  readonly code: string;
}

/** Where on a page a number was seen. */
export type Placement = "tel_link" | "schema" | "footer" | "header" | "heading" | "body";
/** What kind of page a number was seen on. */
export type PageKind = "home" | "contact" | "about" | "other";
/** What the label beside a number says it is for. */
export type Role = "main" | "fax" | "tollfree" | "mobile" | "sms" | "other";
/** Line type. */
export type PhoneType =
  | "mobile"
  | "landline"
  | "voip"
  | "tollfree"
  | "premium"
  | "personal"
  | "unknown";

/** One assigned NANP area code and where it is. */
export interface AreaCode {
  npa: number;
  /** ISO 3166 region of the NANP member (`US`, `CA`, `JM`...). */
  region: string;
  /** State or province code, `""` when not geographic. */
  state: string;
  place: string;
  /** IANA time zones of the area code. */
  zones: string[];
}

/** A number in E.164 with its extension. */
export interface PhoneNumber {
  e164: string;
  extension: string | null;
}

/** A line type and why. */
export interface Classification {
  phoneType: PhoneType;
  evidence: string[];
}

/** Outside line-type data (e.g. a carrier lookup). */
export interface LineTypeData {
  phoneType: PhoneType;
  source: string;
}

/** One sighting of a number (input of `scoreSite`). */
export interface Sighting {
  number: PhoneNumber;
  raw: string;
  placement: Placement;
  role: Role;
  pageKind: PageKind;
  page: string | null;
}

/** Confidence weights and penalties (seed 000 defaults; see `defaultScoreConfig()`). */
export interface ScoreConfig {
  schema: number;
  contactPage: number;
  homepage: number;
  footer: number;
  otherPage: number;
  unknown: number;
  tollfreePenalty: number;
  multiDomainPenalty: number;
  multiDomainMin: number;
  rejectDomains: number;
  repeatBonus: number;
  repeatBonusMax: number;
}

/** One number of a site with its confidence and why. */
export interface ScoredNumber {
  number: PhoneNumber;
  raw: string;
  confidence: number;
  /** The seed's phone_source: `schema`, `contact_page`, `homepage`, `footer`... */
  source: string;
  phoneType: PhoneType;
  role: Role;
  sightings: number;
  explanation: string[];
  rejected: string | null;
}

/** The seed-000 LeadEvent phone fields (camelCase here). */
export interface LeadPhoneFields {
  leadPhoneRaw: string | null;
  leadPhoneE164: string | null;
  phoneConfidence: number;
  phoneSource: string | null;
  phoneType: PhoneType | null;
}

/** Every number of a site, scored, and the best one. */
export interface SiteScore {
  numbers: ScoredNumber[];
  best: ScoredNumber | null;
  leadPhoneFields: LeadPhoneFields;
}

/** Options of one page. */
export interface ExtractOptions {
  /** URL or path of the page: names the page in every finding. */
  baseUrl?: string | null;
  pageKind?: PageKind | null;
}

/** One number found on a page, classified and scored. */
export interface Finding {
  e164: string;
  raw: string;
  extension: string | null;
  type: PhoneType;
  role: Role;
  placement: Placement;
  pageKind: PageKind;
  page: string | null;
  /** Site-level confidence of the number, 0..1. */
  confidence: number;
  /** UTF-16 offset of the match (text input only): `text.slice(start, end) === raw`. */
  start: number | null;
  end: number | null;
}

/** The assigned NANP area code `npa`, or `null`. */
export function areaCode(npa: number): AreaCode | null;
/** Version of the numbering data behind the NANP table. */
export function nanpSourceVersion(): string;
/** `text` → E.164 (`region` defaults to `"US"`). Throws `PhonestormError`. */
export function normalize(text: string, region?: string | null): string;
/** Like `normalize`, keeping the extension. */
export function parse(text: string, region?: string | null): PhoneNumber;
/** E.164 or `null` for each string. */
export function normalizeMany(texts: string[], region?: string | null): (string | null)[];
/** Line type from the digits, the labels seen and outside data. */
export function classify(
  number: PhoneNumber,
  input?: { roles?: Role[]; lineType?: LineTypeData | null } | null,
): Classification;
/** Scores every number seen on a site and picks the best one. `domainCounts`: E.164 → domains. */
export function scoreSite(
  sightings: Sighting[],
  domainCounts?: Record<string, number> | null,
  config?: Partial<ScoreConfig> | null,
): SiteScore;
/** The default score config. */
export function defaultScoreConfig(): ScoreConfig;
/** Numbers in plain text, classified and scored, with UTF-16 offsets. */
export function extractPhonesText(text: string, options?: ExtractOptions | null): Finding[];
/**
 * Numbers on an HTML page (tel: links, schema.org, header/footer, headings, body text),
 * classified and scored together; `start`/`end` are null. `pageKind` defaults to a guess
 * from `baseUrl` and the title.
 */
export function extractPhones(html: string, options?: ExtractOptions | null): Finding[];
