import { createHash } from "node:crypto";
import { slug } from "@/lib/sync/plan/slug";

/** Mailchimp's limit on a tag name (tags are static segments; a segment name is at most 100 characters). */
export const TAG_NAME_MAX = 100;

/**
 * The managed tag for a product category bought (issue 11), from the category's complete name as Odoo shows it:
 * "All / Saleable / Furniture" -> `odoo:category-all/saleable/furniture`. Each level is slugged like the other
 * managed tags (lower case, accents dropped, anything else a dash) and the levels are joined with "/", so the
 * hierarchy stays readable and two categories of the same name under different parents stay apart. A name that
 * would pass 100 characters is cut and ends with 8 hex characters of the complete name's sha1, so long names stay
 * distinct and the tag is the same on every run. Under the policy prefix like every managed tag, so only these are
 * ever removed.
 */
export function categoryTag(prefix: string, completeName: string): string | null {
  const path = completeName.split("/").map((level) => slug(level)).filter(Boolean).join("/");
  if (!path) return null;
  const tag = `${prefix}category-${path}`;
  if (tag.length <= TAG_NAME_MAX) return tag;
  const hash = createHash("sha1").update(completeName).digest("hex").slice(0, 8);
  return `${tag.slice(0, TAG_NAME_MAX - hash.length - 1).replace(/[-/]+$/, "")}-${hash}`;
}

/** The category tags of one member, de-duplicated (two names can slug alike). */
export function categoryTags(prefix: string, completeNames: string[]): string[] {
  return [...new Set(completeNames.flatMap((name) => categoryTag(prefix, name) ?? []))];
}
