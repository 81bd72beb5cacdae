// The parts of seed 001's Convex schema that the lead pipeline writes: the parent run
// (`lead_gen_flow`), the opportunities, the audit jobs and the dossiers.
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

const phaseName = v.union(
  v.literal("source"),
  v.literal("filter_rank"),
  v.literal("persist_leads"),
  v.literal("scrape_content"),
  v.literal("generate_dossier"),
  v.literal("finalize_rank"),
);
const phaseStatus = v.union(
  v.literal("pending"),
  v.literal("running"),
  v.literal("complete"),
  v.literal("error"),
);
const opportunityStatus = v.union(
  v.literal("SOURCED"),
  v.literal("SCRAPING"),
  v.literal("DATA_READY"),
  v.literal("AUDITING"),
  v.literal("READY"),
  v.literal("CONTACTED"),
);

/** The columns phonestorm's `qualifyPlace` fills: an `Opportunity` is exactly these. */
export const opportunityFields = {
  name: v.string(),
  domain: v.optional(v.string()),
  phone: v.string(),
  email: v.optional(v.string()),
  place_id: v.string(),
  address: v.optional(v.string()),
  city: v.optional(v.string()),
  rating: v.optional(v.number()),
  reviews_count: v.optional(v.number()),
  source: v.string(),
  fit_reason: v.optional(v.string()),
  status: v.string(),
  targetVertical: v.string(),
  targetGeography: v.string(),
  qualificationScore: v.number(),
  signals: v.array(v.string()),
  website: v.optional(v.string()),
};

export default defineSchema({
  agency_profile: defineTable({
    name: v.string(),
    targetVertical: v.string(),
    targetGeography: v.string(),
    leadQualificationCriteria: v.array(v.string()),
  }),

  // The parent run; `phases`, `opportunities`, `status` and `lastEvent` are exactly a
  // phonestorm `LeadGenFlow`, so the core decides every transition.
  lead_gen_flow: defineTable({
    agencyId: v.id("agency_profile"),
    numLeads: v.number(),
    textQuery: v.optional(v.string()),
    phases: v.array(v.object({ name: phaseName, status: phaseStatus })),
    opportunities: v.array(v.array(v.union(opportunityStatus, v.boolean()))),
    status: v.union(
      v.literal("running"),
      v.literal("completed"),
      v.literal("failed"),
      v.literal("cancelled"),
    ),
    lastEvent: v.union(v.string(), v.null()),
    placesSnapshot: v.optional(v.array(v.any())),
    numLeadsFetched: v.optional(v.number()),
    workflowStatus: v.optional(v.string()),
  }),

  client_opportunities: defineTable({
    agencyId: v.id("agency_profile"),
    leadGenFlowId: v.optional(v.id("lead_gen_flow")),
    meeting_time: v.optional(v.number()),
    ...opportunityFields,
  })
    .index("by_agency", ["agencyId"])
    .index("by_place_id", ["place_id"])
    .index("by_agency_and_campaign", ["agencyId", "targetVertical", "targetGeography"]),

  audit_dossier: defineTable({
    opportunityId: v.id("client_opportunities"),
    auditJobId: v.optional(v.id("audit_jobs")),
    summary: v.optional(v.string()),
    identified_gaps: v.optional(
      v.array(
        v.object({
          key: v.string(),
          value: v.string(),
          source_url: v.optional(v.string()),
        }),
      ),
    ),
  }).index("by_opportunity", ["opportunityId"]),

  audit_jobs: defineTable({
    opportunityId: v.id("client_opportunities"),
    agencyId: v.id("agency_profile"),
    targetUrl: v.string(),
    status: v.union(
      v.literal("queued"),
      v.literal("running"),
      v.literal("error"),
      v.literal("completed"),
    ),
    phases: v.array(
      v.object({
        name: v.union(
          v.literal("map_urls"),
          v.literal("filter_urls"),
          v.literal("scrape_content"),
          v.literal("generate_dossier"),
        ),
        status: v.union(
          v.literal("pending"),
          v.literal("running"),
          v.literal("complete"),
          v.literal("error"),
        ),
      }),
    ),
    dossierId: v.optional(v.id("audit_dossier")),
  })
    .index("by_opportunity", ["opportunityId"])
    .index("by_agency", ["agencyId"]),
});
