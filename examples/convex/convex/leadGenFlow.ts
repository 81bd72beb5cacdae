// The `lead_gen_flow` parent run of seed 001 and its first workflow step, phase `source`.
// The run document holds a phonestorm `LeadGenFlow` (phases, opportunities, status,
// lastEvent): every event goes through `applyFlowEvent`, which refuses out-of-order
// steps, and retries follow the core's seeded exponential backoff.
import { v } from "convex/values";
import {
  applyFlowEvent,
  clampNumLeads,
  dedupePlaces,
  flowProgress,
  newLeadGenFlow,
  retryDelayMs,
  textQuery,
  type FlowEvent,
  type LeadGenFlow,
  type OpportunityStatus,
  type RetryPolicy,
} from "phonestorm";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { internalAction, internalMutation, internalQuery, mutation, query } from "./_generated/server";
import { placesKey, searchPlaces } from "./places";

const RETRY: Partial<RetryPolicy> = { maxRetries: 3, baseDelayMs: 2_000, multiplier: 2, maxDelayMs: 60_000 };

/** The stored document → the core's `LeadGenFlow` (Convex has no tuple validator). */
function flowOf(doc: Doc<"lead_gen_flow">): LeadGenFlow {
  return {
    phases: doc.phases,
    opportunities: doc.opportunities.map(([status, hasWebsite]) => [status as OpportunityStatus, hasWebsite === true]),
    status: doc.status,
    lastEvent: doc.lastEvent,
  };
}

/** Seed 001 step 1: `startLeadGenWorkflow({ numLeads, targetVertical?, targetGeography? })`. */
export const startLeadGenWorkflow = mutation({
  args: {
    agencyId: v.id("agency_profile"),
    numLeads: v.number(),
    targetVertical: v.optional(v.string()),
    targetGeography: v.optional(v.string()),
  },
  handler: async (ctx, args): Promise<{ jobId: Id<"lead_gen_flow"> }> => {
    const agency = await ctx.db.get(args.agencyId);
    if (!agency) throw new Error(`no agency ${args.agencyId}`);
    const flow = newLeadGenFlow();
    const jobId = await ctx.db.insert("lead_gen_flow", {
      agencyId: args.agencyId,
      numLeads: clampNumLeads(args.numLeads),
      textQuery: textQuery(args.targetVertical ?? agency.targetVertical, args.targetGeography ?? agency.targetGeography),
      ...flow,
    });
    await ctx.scheduler.runAfter(0, internal.leadGenFlow.sourceStep, { jobId, attempt: 0 });
    return { jobId };
  },
});

/** One event on the run, decided by the core; throws (and changes nothing) when illegal. */
export const applyEvent = internalMutation({
  args: { jobId: v.id("lead_gen_flow"), event: v.any() },
  handler: async (ctx, { jobId, event }) => {
    const doc = await ctx.db.get(jobId);
    if (!doc) throw new Error(`no run ${jobId}`);
    const next = applyFlowEvent(flowOf(doc), event as FlowEvent);
    await ctx.db.patch(jobId, { ...next, workflowStatus: next.status === "running" ? undefined : next.status });
  },
});

export const saveSnapshot = internalMutation({
  args: { jobId: v.id("lead_gen_flow"), places: v.array(v.any()) },
  handler: async (ctx, { jobId, places }) => {
    await ctx.db.patch(jobId, { placesSnapshot: places, numLeadsFetched: places.length });
  },
});

export const run = internalQuery({
  args: { jobId: v.id("lead_gen_flow") },
  handler: async (ctx, { jobId }) => ctx.db.get(jobId),
});

/** Phase `source` as a workflow step: Places search for the run's `textQuery`, dedupe by
 * Google id or canonical domain, save `placesSnapshot` and `numLeadsFetched`; no writes to
 * `client_opportunities` yet (that is `persist_leads`). On failure: phase error, then a
 * retry after the core's backoff, or the run fails when retries are spent. */
export const sourceStep = internalAction({
  args: { jobId: v.id("lead_gen_flow"), attempt: v.number() },
  handler: async (ctx, { jobId, attempt }) => {
    const doc = await ctx.runQuery(internal.leadGenFlow.run, { jobId });
    if (!doc || doc.status !== "running") return;
    const start: FlowEvent =
      attempt === 0 ? { event: "start_phase", phase: "source" } : { event: "retry_phase", phase: "source" };
    await ctx.runMutation(internal.leadGenFlow.applyEvent, { jobId, event: start });
    try {
      const places = await searchPlaces(doc.textQuery ?? "", doc.numLeads, placesKey());
      const { kept } = dedupePlaces(places.map((p) => ({ placeId: p.id, website: p.websiteUri })));
      await ctx.runMutation(internal.leadGenFlow.saveSnapshot, { jobId, places: kept.flatMap((i) => places[i] ?? []) });
      await ctx.runMutation(internal.leadGenFlow.applyEvent, { jobId, event: { event: "complete_phase", phase: "source" } });
    } catch (err) {
      await ctx.runMutation(internal.leadGenFlow.applyEvent, { jobId, event: { event: "fail_phase", phase: "source" } });
      // Jitter seeded by the run id: deterministic for a run, spread across runs.
      const seed = [...jobId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 2 ** 32, 7);
      const delay = retryDelayMs(RETRY, attempt, seed);
      if (delay === undefined) {
        await ctx.runMutation(internal.leadGenFlow.applyEvent, { jobId, event: { event: "finish", status: "failed" } });
        throw err;
      }
      await ctx.scheduler.runAfter(delay, internal.leadGenFlow.sourceStep, { jobId, attempt: attempt + 1 });
    }
  },
});

/** What the UI subscribes to: the phase timeline, `lastEvent` and overall progress. */
export const status = query({
  args: { jobId: v.id("lead_gen_flow") },
  handler: async (ctx, { jobId }) => {
    const doc = await ctx.db.get(jobId);
    if (!doc) return null;
    return { phases: doc.phases, lastEvent: doc.lastEvent, progress: flowProgress(flowOf(doc)) };
  },
});
