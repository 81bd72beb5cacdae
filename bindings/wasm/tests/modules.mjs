// Both modules of the package, for tests that run the phone corpus through each.
import * as full from "phonestorm";
import * as phones from "phonestorm/phones";

export { full, phones };
export const variants = [
  ["full", full],
  ["phones", phones],
];
