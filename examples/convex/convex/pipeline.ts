// Atlas Outbound lead pipeline v2 (seed 001): phase 1 (source → triage → score) and
// phase 2 (deep audit → dossier with fit_reason), with every rule decided by phonestorm.
//
// This file imports the whole core (`phonestorm`); enrich.ts shows the small
// `phonestorm/phones` module for actions that only need phones.
import { v } from "convex/values";
import {
  auditSite,
  clampNumLeads,
  dedupePlaces,
  fitReason,
  qualifyPlaces,
  resolveSignals,
  selectForAudit,
  textQuery,
  transitionOpportunity,
  type Opportunity,
  type OpportunityStatus,
  type Page,
  type QualifyOutcome,
  type Signal,
} from "phonestorm";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { action, internalAction, internalMutation, internalQuery } from "./_generated/server";
import { placesKey, searchPlaces } from "./places";
import { opportunityFields } from "./schema";

const isOpportunity = (o: QualifyOutcome): o is Opportunity => !("discarded" in o);

/** Phase 1, "Find Qualified Clients": source, hard-filter, signal, score, persist, and
 * queue the best for a deep audit. */
export const sourceAndScoreLeads = action({
  args: { agencyId: v.id("agency_profile") },
  handler: async (ctx, { agencyId }): Promise<{ kept: number; discarded: number; audits: number }> => {
    const agency = await ctx.runQuery(internal.pipeline.agency, { agencyId });
    const query = textQuery(agency.targetVertical, agency.targetGeography);
    const places = await searchPlaces(query, clampNumLeads(20), placesKey());
    // Drop a place whose Google id or canonical domain was already seen.
    const { kept } = dedupePlaces(places.map((p) => ({ placeId: p.id, website: p.websiteUri })));
    const config = { criteria: agency.leadQualificationCriteria as Signal[] };
    const outcomes = qualifyPlaces(
      kept.flatMap((i) => places[i] ?? []),
      { targetVertical: agency.targetVertical, targetGeography: agency.targetGeography },
      config,
    );
    const opportunities = outcomes.filter(isOpportunity);
    const ids = await ctx.runMutation(internal.pipeline.saveOpportunities, { agencyId, opportunities });
    const picked = selectForAudit(opportunities, config);
    for (const i of picked) {
      const opportunityId = ids[i];
      if (opportunityId) await ctx.scheduler.runAfter(0, internal.pipeline.deepAudit, { opportunityId });
    }
    return { kept: opportunities.length, discarded: outcomes.length - opportunities.length, audits: picked.length };
  },
});

export const agency = internalQuery({
  args: { agencyId: v.id("agency_profile") },
  handler: async (ctx, { agencyId }) => {
    const agency = await ctx.db.get(agencyId);
    if (!agency) throw new Error(`no agency ${agencyId}`);
    return agency;
  },
});

/** The rows exactly as phonestorm returns them (seed 001 field names), plus `agencyId`. */
export const saveOpportunities = internalMutation({
  args: { agencyId: v.id("agency_profile"), opportunities: v.array(v.object(opportunityFields)) },
  handler: async (ctx, { agencyId, opportunities }): Promise<Id<"client_opportunities">[]> => {
    const ids = [];
    for (const o of opportunities) ids.push(await ctx.db.insert("client_opportunities", { agencyId, ...o }));
    return ids;
  },
});

export const opportunity = internalQuery({
  args: { opportunityId: v.id("client_opportunities") },
  handler: async (ctx, { opportunityId }) => {
    const row = await ctx.db.get(opportunityId);
    if (!row) throw new Error(`no opportunity ${opportunityId}`);
    const agency = await ctx.db.get(row.agencyId);
    return { row, criteria: (agency?.leadQualificationCriteria ?? []) as Signal[] };
  },
});

/** Moves an opportunity along its lifecycle; the core refuses illegal steps. */
export const setStatus = internalMutation({
  args: { opportunityId: v.id("client_opportunities"), to: v.string() },
  handler: async (ctx, { opportunityId, to }) => {
    const row = await ctx.db.get(opportunityId);
    if (!row) throw new Error(`no opportunity ${opportunityId}`);
    const next = transitionOpportunity(row.status as OpportunityStatus, to as OpportunityStatus, !!row.website);
    await ctx.db.patch(opportunityId, { status: next });
  },
});

const gapValidator = v.object({ key: v.string(), value: v.string(), source_url: v.optional(v.string()) });

export const saveDossier = internalMutation({
  args: {
    opportunityId: v.id("client_opportunities"),
    identified_gaps: v.array(gapValidator),
    signals: v.array(v.string()),
    fit_reason: v.string(),
    email: v.optional(v.string()),
  },
  handler: async (ctx, { opportunityId, identified_gaps, signals, fit_reason, email }) => {
    await ctx.db.insert("audit_dossier", { opportunityId, identified_gaps, summary: fit_reason });
    await ctx.db.patch(opportunityId, { signals, fit_reason, ...(email ? { email } : {}) });
  },
});

/** Same-origin pages worth auditing: home, contact, about. */
async function fetchSite(website: string): Promise<Page[]> {
  const home = new URL(website);
  const pages: Page[] = [];
  for (const path of [home.pathname || "/", "/contact", "/about"]) {
    const url = new URL(path, home).toString();
    const res = await fetch(url, { redirect: "follow" });
    if (res.ok && (res.headers.get("content-type") ?? "").includes("html")) {
      pages.push({ url: res.url || url, html: await res.text() });
    }
  }
  return pages;
}

/** Phase 2: deep audit of one opportunity → dossier, confirmed signals, fit_reason. */
export const deepAudit = internalAction({
  args: { opportunityId: v.id("client_opportunities") },
  handler: async (ctx, { opportunityId }) => {
    const { row, criteria } = await ctx.runQuery(internal.pipeline.opportunity, { opportunityId });
    if (!row.website) return;
    await ctx.runMutation(internal.pipeline.setStatus, { opportunityId, to: "SCRAPING" });
    const pages = await fetchSite(row.website);
    await ctx.runMutation(internal.pipeline.setStatus, { opportunityId, to: "DATA_READY" });
    await ctx.runMutation(internal.pipeline.setStatus, { opportunityId, to: "AUDITING" });
    const report = auditSite(pages, new Date().getUTCFullYear());
    const outcome = resolveSignals(row.signals as Signal[], report.signals, { criteria });
    await ctx.runMutation(internal.pipeline.saveDossier, {
      opportunityId,
      // The gaps are already `identified_gaps` items; Convex optionals take no null.
      identified_gaps: report.gaps.map((g) => ({ key: g.key, value: g.value, source_url: g.source_url ?? undefined })),
      signals: outcome.signals,
      fit_reason: fitReason(outcome.signals),
      email: report.bestEmail ?? undefined,
    });
    await ctx.runMutation(internal.pipeline.setStatus, { opportunityId, to: "READY" });
  },
});
