/* Written in the form `npx convex codegen` generates; see dataModel.d.ts. */
import { anyApi } from "convex/server";

export const api = anyApi;
export const internal = anyApi;
