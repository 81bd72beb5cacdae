// Hand-written types for the `phonestorm` npm package. Checked by hand against
// bindings/wasm/src/*.rs and by tsc over examples/convex. Results are plain objects with
// camelCase keys; offsets count UTF-16 code units; failures throw PhonestormError.

/** Every error thrown by phonestorm: an `Error` carrying the core's stable snake_case code. */
export interface PhonestormError extends Error {
  readonly code: string;
}

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

/** The assigned NANP area code `npa`, or `null`. */
export function areaCode(npa: number): AreaCode | null;
/** Version of the numbering data behind the NANP table. */
export function nanpSourceVersion(): string;
