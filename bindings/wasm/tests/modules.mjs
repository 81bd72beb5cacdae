// Both modules of the package, for tests that run the phone corpus through each.
import * as full from "phonestorm";
import * as phones from "phonestorm/phones";

export { full, phones };
export const variants = [
  ["full", full],
  ["phones", phones],
];

/** The small module is built without the core's `intl` feature: NANP (+1) numbers only. */
export const nanpOnly = (variant) => variant === "phones";
export const isNanp = (e164) => e164.startsWith("+1");
/** Errors that only the numbering metadata can tell apart. */
export const metadataErrors = new Set(["unknown_region", "invalid_international", "unknown_country_code"]);
