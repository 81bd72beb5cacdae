// The cold path: an action that only needs phones imports `phonestorm/phones`, the small
// module (no emails, domains, compliance...), so a fresh Convex context compiles less.
// Keep it in its own file: Convex loads a function's file and what it imports.
import { v } from "convex/values";
import { extractPhones, scoreSite, type Finding } from "phonestorm/phones";
import { internal } from "./_generated/api";
import { internalAction, internalMutation } from "./_generated/server";

/** The best phone of a fetched page with the seed 000 fields, or null. */
async function phoneOfPage(url: string): Promise<{ e164: string; confidence: number; source: string } | null> {
    const res = await fetch(url, { redirect: "follow" });
    if (!res.ok) return null;
    const findings: Finding[] = extractPhones(await res.text(), { baseUrl: res.url || url });
    // Score the page's sightings again to get the seed's phone_source for the best one.
    const site = scoreSite(
      findings.map((f) => ({
        number: { e164: f.e164, extension: f.extension },
        raw: f.raw,
        placement: f.placement,
        role: f.role,
        pageKind: f.pageKind,
        page: f.page,
      })),
    );
    const best = site.leadPhoneFields;
    return best.leadPhoneE164 && best.phoneSource
      ? { e164: best.leadPhoneE164, confidence: best.phoneConfidence, source: best.phoneSource }
      : null;
}

/** Fills a sourced opportunity's missing phone from its website (a Places record without
 * a phone is discarded by phase 1; this covers rows added by hand). */
export const fillPhone = internalAction({
  args: { opportunityId: v.id("client_opportunities"), website: v.string() },
  handler: async (ctx, { opportunityId, website }) => {
    const found = await phoneOfPage(website);
    if (found) await ctx.runMutation(internal.enrich.savePhone, { opportunityId, phone: found.e164 });
  },
});

export const savePhone = internalMutation({
  args: { opportunityId: v.id("client_opportunities"), phone: v.string() },
  handler: async (ctx, { opportunityId, phone }) => {
    await ctx.db.patch(opportunityId, { phone });
  },
});
