import { readFile } from "node:fs/promises";
import path from "node:path";
import { marked, type Tokens } from "marked";
import { isAlertKind, runbookAnchor, type AlertKind } from "@/lib/alerts/kinds";
import { exceptionAnchor, isExceptionKind } from "./exceptions/kinds";

/** The operating reference kept in the repository, as Markdown (docs/runbook.md). */
export const RUNBOOK_MARKDOWN = "docs/runbook.md";

export const readRunbookMarkdown = (root = process.cwd()) => readFile(path.join(root, RUNBOOK_MARKDOWN), "utf8");

/**
 * docs/runbook.md as HTML for the Runbook page. The file is the repository's own (never user input), so its HTML
 * is rendered as is; headings get ids so sections can be linked, and each alert or exception kind's entry (a
 * "### Title (`kind`)" heading and what follows it) becomes a section under the anchor its alerts or exceptions link to.
 */
export async function readRunbookHtml(root = process.cwd()): Promise<string> {
  // The page has its own title: the file's (for reading it in the repository) is left out.
  const markdown = (await readRunbookMarkdown(root)).replace(/^# [^\n]*\n/, "");
  const html = (await marked.parse(markdown, { gfm: true }))
    .replace(/<h([12])>([^<]+)<\/h\1>/g, (_m, level: string, text: string) => `<h${level} id="${slug(text)}">${text}</h${level}>`);
  return html
    .split(/(?=<h[123][ >])/)
    .map((chunk) => {
      const kind = /^<h3>[^<]*\(<code>([a-z_]+)<\/code>\)<\/h3>/.exec(chunk)?.[1];
      const anchor = !kind ? undefined : isAlertKind(kind) ? runbookAnchor(kind) : isExceptionKind(kind) ? exceptionAnchor(kind) : undefined;
      return anchor ? `<section id="${anchor}" class="runbook-entry">${chunk}</section>` : chunk;
    })
    .join("");
}

const slug = (text: string) => text.toLowerCase().replace(/&[a-z]+;/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export interface RunbookEntry {
  title: string;
  /** From the "Owner by default: <team> · <severity>" line (exceptions have no severity). */
  owner: string;
  severity: string;
  /** What it means, for marketing and ops staff. */
  means: string;
  /** The steps to fix it, in order. */
  steps: string[];
}

/** The alert and exception entries of the runbook's Markdown, by kind: what tests/alerts/runbook-kinds.test.ts holds to the kinds. */
export function runbookEntries(markdown: string): Partial<Record<AlertKind | string, RunbookEntry>> {
  const out: Record<string, RunbookEntry> = {};
  let current: RunbookEntry | null = null;
  for (const token of marked.lexer(markdown)) {
    if (token.type === "heading") {
      const m = (token as Tokens.Heading).depth === 3 ? /^(.*) \(`([a-z_]+)`\)$/.exec((token as Tokens.Heading).text) : null;
      current = m ? (out[m[2]!] = { title: m[1]!, owner: "", severity: "", means: "", steps: [] }) : null;
    } else if (current && token.type === "paragraph") {
      const owner = /^Owner by default: (\w+)(?: · (\w+))?$/.exec((token as Tokens.Paragraph).text);
      if (owner) [current.owner, current.severity] = [owner[1]!, owner[2] ?? ""];
      else current.means = [current.means, (token as Tokens.Paragraph).text].filter(Boolean).join("\n\n");
    } else if (current && token.type === "list") {
      current.steps.push(...(token as Tokens.List).items.map((i) => i.text));
    }
  }
  return out;
}
