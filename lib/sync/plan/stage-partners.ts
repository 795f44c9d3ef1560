import { prefetch } from "./prefetch";
import type { OdooClient } from "@/lib/odoo";
import { canonicalJson } from "./canonical-json";
import { decidePartner } from "./decide-partner";
import { perEmailFingerprint, perPartnerFingerprint } from "./exception-fingerprint";
import { parsePartners } from "./partner-row";
import type { DecisionContext } from "./plan-context";
import type { PlanStage, StagedCandidate, StagedException } from "./plan-stage";
import type { PlanTally } from "./plan-tally";
import { partnerFields } from "./required-fields";
import type { ScanScope } from "./scan-buying";

/**
 * Streams res.partner (archived included, so they are reported as excluded rather than invisible), decides
 * each one, and writes the page's candidates and exceptions to the stage before reading the next page.
 */
export async function stagePartners(odoo: OdooClient, ctx: DecisionContext, scope: ScanScope, stage: PlanStage, tally: PlanTally, pageSize: number): Promise<void> {
  const fields = partnerFields(ctx.policy);
  for await (const page of prefetch(odoo.pages("res.partner", { fields, domain: scope.partners, pageSize, activeTest: false }))) {
    const candidates: StagedCandidate[] = [];
    const exceptions: StagedException[] = [];
    for (const partner of parsePartners(page)) {
      tally.partnersRead++;
      const d = decidePartner(partner, ctx);
      if (d.outcome === "excluded") tally.exclude(partner.id, d.reason, partner.name);
      else if (d.outcome === "exception") {
        const detail = { ...d.detail, partnerId: partner.id };
        const partnerIds = [partner.id, ...(d.perEmail?.otherPartnerIds ?? [])].sort((a, b) => a - b);
        const audienceId = d.perEmail?.audienceId ?? null;
        const fingerprint = d.perEmail && d.email ? perEmailFingerprint(d.kind, audienceId, d.email) : perPartnerFingerprint(d.kind, partner.id);
        exceptions.push({ fingerprint, kind: d.kind, audienceId, email: d.email, partnerIds, detail: JSON.stringify(detail) });
        tally.sample("exception", { kind: d.kind, partnerIds, email: d.email, audienceId, ...detail });
      } else
        candidates.push({ audienceId: d.audienceId, email: d.email, partnerId: partner.id, commercialId: partner.commercialId, rank: d.rank, statusIfNew: d.statusIfNew, payload: canonicalJson(d.payload) });
    }
    await stage.addCandidates(candidates);
    await stage.addExceptions(exceptions);
  }
}
