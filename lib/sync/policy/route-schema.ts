import { z } from "zod";

/** One routing rule; rules are tried in order and the first match wins. */
export const routeRuleSchema = z.strictObject({
  name: z.string().trim().min(1),
  audienceId: z.string().trim().min(1),
  /** res.company ids; a partner without company_id uses the company of its commercial partner's latest purchase. */
  companyIds: z.array(z.number().int().positive()).min(1).optional(),
  customerType: z.enum(["b2b", "b2c"]).optional(),
  /** Any of these res.partner.category names (case-insensitive). */
  tags: z.array(z.string().trim().min(1)).min(1).optional(),
});

export type RouteRule = z.output<typeof routeRuleSchema>;

/**
 * Legal entities never mix: once any rule ties an audience to companies, every rule into that audience must
 * name companies too, and the same ones. Otherwise a catch-all rule could pour company A's customers into
 * company B's audience.
 */
export function checkAudienceCompanies(rules: RouteRule[], addIssue: (path: (string | number)[], message: string) => void): void {
  const byAudience = new Map<string, { index: number; key: string }>();
  rules.forEach((rule, index) => {
    const key = rule.companyIds ? [...new Set(rule.companyIds)].sort((a, b) => a - b).join(",") : "*";
    const seen = byAudience.get(rule.audienceId);
    if (!seen) byAudience.set(rule.audienceId, { index, key });
    else if (seen.key !== key)
      addIssue(
        [index, "companyIds"],
        `audience ${rule.audienceId} is used by rule ${seen.index} for companies [${seen.key}] and here for [${key}]: one audience serves one set of companies`,
      );
  });
}
