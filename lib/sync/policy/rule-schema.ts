import { z } from "zod";

/**
 * Include/exclude rules. A tag rule matches a res.partner.category name (case-insensitive); a field rule
 * compares one res.partner field. Field names are checked against Odoo's fields_get when a plan starts,
 * so a renamed field stops the run instead of silently matching nothing.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const tagRuleSchema = z.strictObject({ tag: z.string().trim().min(1) });

export const fieldRuleSchema = z
  .strictObject({
    field: z.string().regex(/^[a-z_][a-z0-9_]*$/, "an Odoo field name (lower case, digits, underscores)"),
    operator: z.enum(["=", "!=", "in", "not in", "set", "unset"]),
    value: z.union([scalar, z.array(scalar)]).optional(),
  })
  .superRefine((rule, ctx) => {
    const list = rule.operator === "in" || rule.operator === "not in";
    const none = rule.operator === "set" || rule.operator === "unset";
    if (list && !Array.isArray(rule.value)) ctx.addIssue({ code: "custom", path: ["value"], message: `"${rule.operator}" needs a list` });
    if (none && rule.value !== undefined) ctx.addIssue({ code: "custom", path: ["value"], message: `"${rule.operator}" takes no value` });
    if (!list && !none && (rule.value === undefined || Array.isArray(rule.value)))
      ctx.addIssue({ code: "custom", path: ["value"], message: `"${rule.operator}" needs a single value` });
  });

export const partnerRuleSchema = z.union([tagRuleSchema, fieldRuleSchema]);

export type TagRule = z.output<typeof tagRuleSchema>;
export type FieldRule = z.output<typeof fieldRuleSchema>;
export type PartnerRule = z.output<typeof partnerRuleSchema>;

export function isTagRule(rule: PartnerRule): rule is TagRule {
  return "tag" in rule;
}
