/* Written in the form `npx convex codegen` generates; see dataModel.d.ts. */
import type { ApiFromModules, FilterApi, FunctionReference } from "convex/server";
import type * as enrich from "../enrich.js";
import type * as leadGenFlow from "../leadGenFlow.js";
import type * as pipeline from "../pipeline.js";

declare const fullApi: ApiFromModules<{
  enrich: typeof enrich;
  leadGenFlow: typeof leadGenFlow;
  pipeline: typeof pipeline;
}>;
export declare const api: FilterApi<typeof fullApi, FunctionReference<"query" | "mutation" | "action", "public">>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<"query" | "mutation" | "action", "internal">
>;
