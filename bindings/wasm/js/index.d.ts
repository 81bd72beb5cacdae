// Hand-written types for the `phonestorm` npm package (the whole core). Checked by hand
// against bindings/wasm/src/*.rs, by a test that compares the exported names with the
// `export function` lines here, and by tsc over examples/convex.
//
// Conventions: functions are camelCase; results are plain objects and arrays (never Map)
// with camelCase keys; text offsets count UTF-16 code units; configs are optional and
// partial (missing fields take the core's defaults, see the `default*Config()`
// functions); failures throw PhonestormError. Two kinds of record keep their host's
// field names instead of camelCase, so they can be stored or read without remapping:
// Google Places records (`qualifyPlace` input) and seed 001's Convex rows
// (`Opportunity`, `AuditGap`). Template variables are used exactly as given.
//
// Package layout: `phonestorm` is the whole core in one module; `phonestorm/phones`
// (phones.d.ts) is a second, smaller module with only the phone functions and NANP (+1)
// numbers, so that a Convex action that only extracts phones compiles less code on a
// cold start. Convex's bundler compiles every imported .wasm when the function's file
// loads, so the choice is made per file by its import, not lazily at run time.

/** Every error thrown by phonestorm: an `Error` carrying the core's stable snake_case code
 * (`too_few_digits`, `nanp_fictional`, `bad_domain`, `illegal_transition`...; each
 * function lists its own), or `invalid_config` for arguments of the wrong shape. */
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

// ---------------------------------------------------------------------------------------
// Shared

/** Every field optional, recursively: what the config arguments accept. */
export type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A qualification signal (seed 001's `signals` array). */
export type Signal =
  | "MISSING_WEBSITE"
  | "WEAK_WEB_PRESENCE"
  | "LOW_GOOGLE_RATING"
  | "NEEDS_WEB_AUDIT"
  | "WEBSITE_NOT_MOBILE_FRIENDLY"
  | "NO_HTTPS"
  | "MISSING_TITLE"
  | "MISSING_META_DESCRIPTION"
  | "NO_CALL_TO_ACTION"
  | "NO_CLICK_TO_CALL"
  | "NO_CONTACT_FORM"
  | "NO_LOCAL_BUSINESS_SCHEMA"
  | "NO_EMAIL"
  | "STALE_COPYRIGHT";

/** An instant as an RFC 3339 string (`"2025-06-02T23:30:00Z"`, `Date#toISOString()`). */
export type Instant = string;
/** A civil date, `"2025-07-04"`. */
export type CivilDate = string;

// ---------------------------------------------------------------------------------------
// email

export type EmailKind = "personal" | "role" | "no_reply";
export type EmailSource = "mailto" | "schema" | "cloudflare" | "plain" | "obfuscated";

/** One address found on a page. */
export interface EmailFinding {
  /** Local part as written, domain lowercased. */
  email: string;
  domain: string;
  kind: EmailKind;
  source: EmailSource;
  placement: Placement;
  pageKind: PageKind;
  page: string | null;
  /** A template placeholder (`you@example.com`): never a real contact. */
  placeholder: boolean;
}

/** A validated address. */
export interface ValidEmail {
  address: string;
  domain: string;
  kind: EmailKind;
  placeholder: boolean;
}

export interface EmailOptions {
  baseUrl?: string | null;
  pageKind?: PageKind | null;
}

/** Lists and limits of email extraction (see `defaultEmailConfig()`). */
export interface EmailConfig {
  roleLocals: string[];
  noreplyLocals: string[];
  placeholderDomains: string[];
  placeholderLocals: string[];
  assetExtensions: string[];
  trackingDomains: string[];
  maxInputBytes: number;
  maxNesting: number;
  maxResults: number;
}

/** Emails on an HTML page (mailto, schema.org, Cloudflare, plain, obfuscated), one per address. */
export function extractEmails(
  html: string,
  options?: EmailOptions | null,
  config?: Partial<EmailConfig> | null,
): EmailFinding[];
/** Emails in plain text. */
export function extractEmailsText(text: string, config?: Partial<EmailConfig> | null): EmailFinding[];
/** Validates one address. Throws `syntax`, `bad_domain`, `asset_name`, `version_string`,
 * `tracking`, `encoded`. */
export function validateEmail(input: string, config?: Partial<EmailConfig> | null): ValidEmail;
/** Decodes a Cloudflare `data-cfemail` value. Throws `cloudflare_encoding`. */
export function decodeCfemail(hex: string): string;
export function defaultEmailConfig(): EmailConfig;

// ---------------------------------------------------------------------------------------
// domain

export type SiteKind = "own" | "site_builder" | "social" | "directory";

/** What is known about one URL. */
export interface DomainInfo {
  host: string;
  /** Canonical registrable domain (`joes.co.uk`). */
  domain: string;
  suffix: string;
  kind: SiteKind;
  /** What identifies the business: the domain, or `facebook.com/joes` for a listing. */
  identity: string;
}

export interface DomainConfig {
  social: string[];
  directories: string[];
  siteBuilders: string[];
}

export interface BusinessQuery {
  name: string;
  city?: string | null;
  vertical?: string | null;
  phone?: string | null;
}

export interface SearchResult {
  url: string;
  title?: string;
  snippet?: string;
}

/** A search result judged as the business's website. */
export interface Candidate {
  url: string;
  /** The identity (`joes.com`, `facebook.com/joes`, `yelp.com/biz/joes`). */
  domain: string;
  kind: SiteKind;
  confidence: number;
  reasons: string[];
  position: number;
}

export interface RankConfig {
  domains: DomainConfig;
  ownSite: number;
  siteBuilder: number;
  social: number;
  directory: number;
  nameInDomain: number;
  nameInTitle: number;
  phoneInText: number;
  cityInText: number;
  verticalInText: number;
  stopWords: string[];
  maxCandidates: number;
}

export interface DedupeResult {
  /** Indices kept, in input order. */
  kept: number[];
  dropped: { index: number; key: "place_id" | "domain"; value: string }[];
}

/** URL or host → domain facts. Throws `empty`, `invalid_url`, `no_host`, `ip_address`,
 * `not_registrable`. */
export function analyzeDomain(input: string, config?: DeepPartial<DomainConfig> | null): DomainInfo;
/** URL or host → canonical registrable domain. Throws like `analyzeDomain`. */
export function canonicalDomain(input: string): string;
/** URL or host → lowercased host. Throws `empty`, `invalid_url`, `no_host`. */
export function hostOf(input: string): string;
/** Date of the bundled public suffix list. */
export function pslVersion(): string;
/** Search results for a business, best candidate first. */
export function rankResults(
  business: BusinessQuery,
  results: SearchResult[],
  config?: DeepPartial<RankConfig> | null,
): Candidate[];
/** Keeps the first of places sharing a place id or a canonical domain (seed 001 `source`). */
export function dedupePlaces(
  items: { placeId?: string | null; website?: string | null }[],
  config?: DeepPartial<DomainConfig> | null,
): DedupeResult;
export function defaultDomainConfig(): DomainConfig;

// ---------------------------------------------------------------------------------------
// lead

export type EnrichmentStatus =
  | "PENDING"
  | "WITH_PHONE_ONLY"
  | "ENRICHED_NO_OUTBOUND"
  | "OUTBOUND_SENT"
  | "ARCHIVED";

/** Seed 000's LeadEvent with camelCase keys; times are Unix ms. Missing fields default,
 * except `phoneConfidence`, which the seed requires (0 when no phone is known). */
export interface LeadEvent {
  id: string;
  businessName?: string | null;
  city?: string | null;
  vertical?: string | null;
  domain?: string | null;
  email?: string | null;
  enrichmentStatus?: EnrichmentStatus;
  leadPhoneRaw?: string | null;
  leadPhoneE164?: string | null;
  phoneConfidence: number;
  phoneSource?: string | null;
  phoneType?: PhoneType | null;
  domainAttempts?: number;
  lastDomainAttemptAtMs?: number | null;
  createdAtMs?: number;
}

export type PriorityTier = "phone_and_domain" | "phone_only" | "no_phone" | "done";
export type DomainRetry =
  | { state: "not_needed" }
  | { state: "due" }
  | { state: "wait_until"; atMs: number }
  | { state: "exhausted" };

export interface Priority {
  tier: PriorityTier;
  urgency: number;
  domainRetry: DomainRetry;
  actionable: boolean;
}

/** One autopilot cycle: indices into the leads given. */
export interface CyclePlan {
  process: number[];
  archive: number[];
}

export interface LeadConfig {
  customerVisible: EnrichmentStatus[];
  domainMaxAttempts: number;
  domainRetry: RetryPolicy;
  archiveAfterDays: number;
  phoneLeadsPerCycle: number;
  maxLeadsPerCycle: number;
  highValueMinConfidence: number;
  highValueTypes: PhoneType[];
}

/** The status after an enrichment pass found (cumulatively) a phone and/or an email. */
export function nextStatus(
  current: EnrichmentStatus,
  hasPhone: boolean,
  hasEmail: boolean,
): EnrichmentStatus;
/** Records an outbound send. Throws `illegal_transition`. */
export function markOutboundSent(current: EnrichmentStatus): EnrichmentStatus;
/** Whether customers may see a lead in this status (never WITH_PHONE_ONLY). Config errors
 * throw `invalid_config`. */
export function isCustomerVisible(
  status: EnrichmentStatus,
  config?: DeepPartial<LeadConfig> | null,
): boolean;
/** Priority of a lead at `nowMs`. */
export function leadPriority(
  lead: LeadEvent,
  nowMs: number,
  config?: DeepPartial<LeadConfig> | null,
): Priority;
/** Plans one autopilot cycle (phone-bearing leads first, archive of dead leads). */
export function planCycle(
  leads: LeadEvent[],
  nowMs: number,
  config?: DeepPartial<LeadConfig> | null,
): CyclePlan;
/** PHONE_HIGH_VALUE. */
export function isHighValue(lead: LeadEvent, config?: DeepPartial<LeadConfig> | null): boolean;
/** Indices of the leads matching an admin console filter. */
export function adminFilter(
  leads: LeadEvent[],
  filter: "WITH_PHONE_ONLY" | "PHONE_HIGH_VALUE",
  config?: DeepPartial<LeadConfig> | null,
): number[];
/** Throws `invalid_confidence` unless `phoneConfidence` is within 0..1. */
export function checkLead(lead: LeadEvent): void;
export function defaultLeadConfig(): LeadConfig;

// ---------------------------------------------------------------------------------------
// qualify

/** A Google Places record, either API shape (fields used by phonestorm; others ignored). */
export interface PlacesRecord {
  /** Places API (New). */
  id?: string;
  displayName?: { text?: string } | string;
  websiteUri?: string;
  internationalPhoneNumber?: string;
  nationalPhoneNumber?: string;
  userRatingCount?: number;
  formattedAddress?: string;
  /** Legacy Places API. */
  place_id?: string;
  name?: string;
  website?: string;
  international_phone_number?: string;
  formatted_phone_number?: string;
  user_ratings_total?: number;
  formatted_address?: string;
  rating?: number | null;
  city?: string;
}

/** The campaign leads are sourced for. */
export interface Campaign {
  targetVertical?: string;
  targetGeography?: string;
}

/** A qualified lead: seed 001's `client_opportunities` row (without `agencyId`), with
 * the seed's own field names. */
export interface Opportunity {
  name: string;
  domain?: string;
  /** E.164. */
  phone: string;
  email?: string;
  place_id: string;
  address?: string;
  city?: string;
  rating?: number;
  reviews_count?: number;
  /** `"google_places"`. */
  source: string;
  fit_reason?: string;
  /** `"SOURCED"` when qualified. */
  status: string;
  targetVertical: string;
  targetGeography: string;
  qualificationScore: number;
  signals: Signal[];
  /** The website as given (not a Convex column; kept for the audit). */
  website?: string;
}

/** A place dropped by the hard phone filter. */
export interface Discarded {
  place_id: string;
  name: string;
  /** `"missing_phone"` or `"invalid_phone: <why>"`. */
  discarded: string;
}

export type QualifyOutcome = Opportunity | Discarded;

export interface QualifyConfig {
  /** Points per signal name (seed 001: MISSING_WEBSITE 50, WEAK_WEB_PRESENCE 35, ...). */
  weights: Partial<Record<Signal, number>>;
  lowRatingBelow: number;
  lowRatingMinReviews: number;
  /** The agency's `leadQualificationCriteria`; empty = every signal. */
  criteria: Signal[];
  domains: DomainConfig;
  auditTopN: number;
  auditMinScore: number;
  siteBuilderIsWeak: boolean;
}

/** One Places record → an opportunity row, or why it was discarded. Throws `bad_place`,
 * `invalid_rating`, `invalid_review_count`, `bad_website`, `unknown_signal`, `invalid_config`. */
export function qualifyPlace(
  place: PlacesRecord,
  campaign?: Campaign | null,
  config?: DeepPartial<QualifyConfig> | null,
): QualifyOutcome;
/** Many records with one config; throws like `qualifyPlace`, naming the record's index. */
export function qualifyPlaces(
  places: PlacesRecord[],
  campaign?: Campaign | null,
  config?: DeepPartial<QualifyConfig> | null,
): QualifyOutcome[];
/** Sum of the weights of the wanted signals. */
export function qualificationScore(
  signals: Signal[],
  config?: DeepPartial<QualifyConfig> | null,
): number;
/** Indices of the opportunities to deep-audit, best first (seed 001: top N or score > 50). */
export function selectForAudit(
  opportunities: Opportunity[],
  config?: DeepPartial<QualifyConfig> | null,
): number[];
export function defaultQualifyConfig(): QualifyConfig;

// ---------------------------------------------------------------------------------------
// audit

/** A fetched page. */
export interface Page {
  url: string;
  html: string;
}

/** A gap: seed 001's `audit_dossier.identified_gaps[]` item (keeps `source_url`). */
export interface AuditGap {
  /** The signal name. */
  key: Signal;
  value: string;
  source_url: string | null;
}

export interface AuditReport {
  gaps: AuditGap[];
  signals: Signal[];
  emails: EmailFinding[];
  /** Personal before role, contact page first; never a no-reply address. */
  bestEmail: string | null;
  pages: number;
}

export interface AuditConfig {
  ctaPhrases: string[];
  businessTypes: string[];
  staleAfterYears: number;
  maxPages: number;
  maxPageBytes: number;
  email: EmailConfig;
}

export interface FitConfig {
  phrases: Partial<Record<Signal, string>>;
  maxPhrases: number;
  prefix: string;
  noGaps: string;
}

export interface AuditOutcome {
  signals: Signal[];
  /** NEEDS_WEB_AUDIT confirmed by a gap the agency wants. */
  confirmed: boolean;
}

/** Audits a site from its fetched pages; `currentYear` is the caller's clock. Throws
 * `no_pages`, `bad_url`. */
export function auditSite(
  pages: Page[],
  currentYear: number,
  config?: DeepPartial<AuditConfig> | null,
): AuditReport;
/** The deterministic `fit_reason` sentence. Throws `unknown_signal` for a bad phrase key. */
export function fitReason(signals: Signal[], config?: DeepPartial<FitConfig> | null): string;
/** Confirms or clears NEEDS_WEB_AUDIT and appends the deep signals. */
export function resolveSignals(
  initial: Signal[],
  deep: Signal[],
  config?: DeepPartial<QualifyConfig> | null,
): AuditOutcome;
export function defaultAuditConfig(): AuditConfig;
export function defaultFitConfig(): FitConfig;

// ---------------------------------------------------------------------------------------
// workflow

export type Phase =
  | "source"
  | "filter_rank"
  | "persist_leads"
  | "scrape_content"
  | "generate_dossier"
  | "finalize_rank";
export type PhaseStatus = "pending" | "running" | "complete" | "error";
export type FlowStatus = "running" | "completed" | "failed" | "cancelled";
export type OpportunityStatus =
  | "SOURCED"
  | "SCRAPING"
  | "DATA_READY"
  | "AUDITING"
  | "READY"
  | "CONTACTED";

export interface PhaseState {
  name: Phase;
  status: PhaseStatus;
}

/** The `lead_gen_flow` parent run as a plain object: store it, pass it back. */
export interface LeadGenFlow {
  phases: PhaseState[];
  /** Each opportunity's status and whether it has a website. */
  opportunities: [OpportunityStatus, boolean][];
  status: FlowStatus;
  lastEvent: string | null;
}

export type FlowEvent =
  | { event: "start_phase" | "complete_phase" | "fail_phase" | "retry_phase"; phase: Phase }
  | { event: "add_opportunity"; hasWebsite: boolean }
  | { event: "opportunity"; index: number; to: OpportunityStatus }
  | { event: "finish"; status: FlowStatus };

export interface OpportunityCounts {
  sourced: number;
  scraping: number;
  dataReady: number;
  auditing: number;
  ready: number;
  contacted: number;
}

export interface ProgressConfig {
  /** Weight per phase name. */
  weights: Partial<Record<Phase, number>>;
}

/** Exponential backoff with deterministic jitter. */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  multiplier: number;
  maxDelayMs: number;
  jitter: number;
}

/** `"{targetVertical} in {targetGeography}"`. Throws `empty_query_part`. */
export function textQuery(targetVertical: string, targetGeography: string): string;
/** `numLeads` clamped to ≤ 20 (`maxLeads`). Throws `zero_leads`. */
export function clampNumLeads(numLeads: number, config?: { maxLeads?: number } | null): number;
/** The next lifecycle status. Throws `illegal_transition` (SCRAPING needs a website). */
export function transitionOpportunity(
  from: OpportunityStatus,
  to: OpportunityStatus,
  hasWebsite: boolean,
): OpportunityStatus;
/** A new run: every phase pending. */
export function newLeadGenFlow(): LeadGenFlow;
/** The run after one event, `lastEvent` set. Throws `illegal_phase`, `illegal_transition`,
 * `unknown_opportunity`. */
export function applyFlowEvent(flow: LeadGenFlow, event: FlowEvent): LeadGenFlow;
/** Progress of a run in 0..1. Throws `invalid_config` for bad weights. */
export function flowProgress(flow: LeadGenFlow, config?: ProgressConfig | null): number;
/** Progress in 0..1 from phase states and counts over `client_opportunities`. */
export function progress(
  phases: PhaseState[],
  counts?: Partial<OpportunityCounts> | null,
  config?: ProgressConfig | null,
): number;
/** Delay before retry `retry` (0-based), or undefined when spent. `seed`: integer in 0..2^53. */
export function retryDelayMs(
  policy: Partial<RetryPolicy> | null | undefined,
  retry: number,
  seed: number,
): number | undefined;
/** Every retry delay for `seed`. */
export function retrySchedule(policy: Partial<RetryPolicy> | null | undefined, seed: number): number[];
export function defaultRetryPolicy(): RetryPolicy;

// ---------------------------------------------------------------------------------------
// compliance

export type Channel = "sms" | "call" | "email";
export type ConsentKind = "express_written" | "express" | "purchase" | "inquiry";

/** Who receives the message. */
export interface Recipient {
  /** E.164 `+1...` or ten digits. */
  phone?: string | null;
  email?: string | null;
  /** USPS state of a known address (overrides the area code's). */
  state?: string | null;
  /** IANA zone of a known address (overrides the area code's). */
  zone?: string | null;
  dncListed?: boolean;
  business?: boolean;
  consent?: { kind: ConsentKind; at: Instant } | null;
}

/** The message about to go out (default: an SMS). */
export interface Outgoing {
  channel?: Channel;
  campaignId?: string | null;
  subject?: string | null;
  userId?: string | null;
  manual?: boolean;
}

export interface PastMessage {
  at: Instant;
  channel?: Channel;
  /** Absent = to this recipient. */
  to?: string | null;
  campaignId?: string | null;
  subject?: string | null;
  userId?: string | null;
  manual?: boolean;
}

export interface History {
  messages?: PastMessage[];
  optOuts?: Instant[];
  optIns?: Instant[];
}

/** Local time window, `"08:00:00"` to `"21:00:00"` (end exclusive). */
export interface TimeWindow {
  start: string;
  end: string;
}

export interface StateRule {
  state: string;
  weekdays: TimeWindow | null;
  saturday: TimeWindow | null;
  sunday: TimeWindow | null;
  noHolidays: boolean;
  consentLiftsDayBans: boolean;
  maxPer24h: number | null;
  maxSameSubjectPer24h: number | null;
  textsCoveredFrom: CivilDate | null;
  noneDuringEmergency: boolean;
  citation: string;
  confidence: string;
}

export interface Cap {
  limit: number;
  windowHours: number;
}

/** Every number the check uses (COMPLIANCE.md); see `defaultPolicy()`. */
export interface Policy {
  stateRules: StateRule[];
  caps: {
    perContact: Cap | null;
    perUserManualSms: Cap | null;
    perCampaign: Cap | null;
    maxTouchesPerCampaign: number | null;
  };
  unknownZone: { action: "deny" } | { action: "assume"; zones: string[] };
  dnc: {
    consentOverrides: boolean;
    ebrPurchaseDays: number;
    ebrInquiryDays: number;
    b2bExempt: boolean;
  };
  holidays: { federal: boolean; extra: CivilDate[]; byState: Record<string, CivilDate[]> };
  emergencyStates: string[];
  hoursApplyToEmail: boolean;
  searchDays: number;
}

/** A partial policy: top-level fields replace the default's (a `stateRules` given is the
 * whole list). */
export type PolicyInput = { [K in keyof Policy]?: Policy[K] };

export interface SendCheck {
  recipient: Recipient;
  outgoing?: Outgoing | null;
  history?: History | null;
  policy?: PolicyInput | null;
  /** Now, as the caller's clock says. */
  at: Instant;
}

/** Why not (now): the reason's fields, its stable `code` and a sentence. */
export type ComplianceReason = { explanation: string } & (
  | { code: "opted_out"; at: Instant }
  | { code: "do_not_call" }
  | { code: "invalid_recipient"; detail: string }
  | { code: "unknown_zone"; detail: string }
  | { code: "state_of_emergency"; state: string; citation: string }
  | {
      code: "quiet_hours";
      zone: string;
      localTime: string;
      jurisdiction: string;
      window: string;
      citation: string;
    }
  | { code: "day_not_allowed"; zone: string; jurisdiction: string; weekday: string; citation: string }
  | {
      code: "holiday";
      zone: string;
      jurisdiction: string;
      date: CivilDate;
      name: string;
      citation: string;
    }
  | { code: "cap"; cap: string; limit: number; sent: number; windowHours: number; source: string }
  | { code: "no_window"; days: number }
);

export interface SendDecision {
  decision: "allow" | "defer" | "deny";
  /** When deferred: the next allowed instant. */
  until: Instant | null;
  reasons: ComplianceReason[];
}

export interface ResolvedZones {
  state: string | null;
  zones: string[];
  source: "address" | "area_code" | "policy";
}

/** May this message go to this recipient now? Allow, defer (until) or deny, with reasons. */
export function checkSend(request: SendCheck): SendDecision;
/** Whether `checkSend` would allow the same request. */
export function isAllowedAt(request: SendCheck): boolean;
/** State and candidate zones of a recipient. Throws `invalid_phone`, `unknown_area_code`,
 * `unknown_time_zone`. */
export function resolveZones(recipient: Recipient, policy?: PolicyInput | null): ResolvedZones;
/** U.S. federal holidays of a year, with observed days. */
export function federalHolidays(year: number): { date: CivilDate; name: string }[];
export function defaultPolicy(): Policy;

// ---------------------------------------------------------------------------------------
// reply

export type Intent = "interested" | "not_interested" | "question" | "opt_out" | "unknown";
export type ReplyKeyword = "opt_out" | "opt_in" | "help";
export type ReplyAction =
  | "process_opt_out"
  | "process_opt_in"
  | "send_help"
  | "escalate"
  | "auto_reply"
  | "mark_cold"
  | "none";

export interface ReplyClassification {
  intent: Intent;
  keyword: ReplyKeyword | null;
  /** 0..1. */
  confidence: number;
  /** -1..1. */
  sentiment: number;
  evidence: string[];
}

export interface KeywordConfig {
  optOutPhrases: string[];
  optOutStrong: string[];
  optOutWeak: string[];
  notOptOutAfter: string[];
  filler: string[];
  shortReplyWords: number;
  optIn: string[];
  help: string[];
}

export interface IntentConfig {
  interested: string[];
  notInterested: string[];
  notInterestedLeading: string[];
  neutral: string[];
  negators: string[];
  negationWindow: number;
  questionWords: string[];
  baseConfidence: number;
  perExtraCue: number;
  maxConfidence: number;
}

export interface DecisionConfig {
  escalateSentimentAbove: number;
  minConfidence: number;
  sentimentEscalatesNotInterested: boolean;
}

export interface ReplyConfig {
  keywords: KeywordConfig;
  intent: IntentConfig;
  decision: DecisionConfig;
}

/** An inbound reply → classification plus the decision-table action. Throws
 * `out_of_range`, `not_normalized` for a bad config. */
export function classifyReply(
  text: string,
  config?: DeepPartial<ReplyConfig> | null,
): ReplyClassification & { action: ReplyAction };
/** The action for a classification. */
export function decideReply(
  classification: ReplyClassification,
  config?: Partial<DecisionConfig> | null,
): ReplyAction;
/** Opt-out / opt-in / help keyword, or null. */
export function detectKeyword(
  text: string,
  config?: Partial<KeywordConfig> | null,
): { keyword: ReplyKeyword; matched: string; exact: boolean } | null;
/** Sentiment in -1..1. */
export function sentiment(text: string): number;
export function defaultReplyConfig(): ReplyConfig;

// ---------------------------------------------------------------------------------------
// message

export type SmsEncoding = "gsm7" | "ucs2";

export interface SmsSegments {
  encoding: SmsEncoding;
  /** GSM-7 septets or UCS-2 code units. */
  units: number;
  count: number;
  parts: string[];
}

export interface Sms {
  text: string;
  chars: number;
  encoding: SmsEncoding;
  segments: SmsSegments;
}

export interface SmsConfig {
  requireFooter: boolean;
  footer: string;
  maxChars: number;
  maxSegments: number;
  gsmTransliterate: boolean;
}

export interface CanSpamFooter {
  senderName: string;
  postalAddress: string;
  unsubscribeUrl?: string | null;
}

export interface SuggestConfig {
  senderName: string;
  senderCity: string;
  smsTemplate: string;
  callScriptTemplate: string;
  highConfidence: number;
}

/** Fills `{name}` placeholders strictly. Throws `missing_variable`, `empty_variable`,
 * `unclosed_brace`, `stray_brace`, `bad_variable_name`. */
export function renderTemplate(template: string, vars: Record<string, string>): string;
/** Variable names of a template. Throws like `renderTemplate`'s syntax errors. */
export function templateVariables(template: string): string[];
/** How a text splits into SMS segments. */
export function smsSegments(text: string): SmsSegments;
/** GSM-7-safe text (transliterated). */
export function gsmSafe(text: string): string;
export function isGsm(text: string): boolean;
/** An SMS with the opt-out footer. Throws `empty`, `too_long`, `too_many_segments`. */
export function composeSms(body: string, config?: Partial<SmsConfig> | null): Sms;
/** A CAN-SPAM email. Throws `empty`, `too_many_words` (default 300), `missing_postal_address`. */
export function composeEmail(
  subject: string,
  body: string,
  footer: CanSpamFooter,
  maxWords?: number | null,
): { subject: string; text: string };
/** A model's draft cleaned for sending. */
export function cleanLlmOutput(text: string): string;
/** Seed 000's Suggested SMS. Throws like `renderTemplate`. */
export function suggestedSms(
  name: string,
  signalContext: string,
  config?: Partial<SuggestConfig> | null,
): string;
/** Seed 000's Suggested Call Script. */
export function suggestedCallScript(
  name: string,
  signalContext: string,
  config?: Partial<SuggestConfig> | null,
): string;
/** The portal's tag for a number ("Mobile – High Direct Value"). */
export function confidenceTag(
  phoneType: PhoneType,
  confidence: number,
  config?: Partial<SuggestConfig> | null,
): string;
export function defaultSmsConfig(): SmsConfig;
