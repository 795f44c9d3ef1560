import { readFile } from "node:fs/promises";
import path from "node:path";
import { marked } from "marked";

/** The operating reference kept in the repository, as Markdown (docs/runbook.md). */
export const RUNBOOK_MARKDOWN = "docs/runbook.md";

/**
 * docs/runbook.md as HTML for the Runbook page. The file is the repository's own (never user input), so its HTML
 * is rendered as is; headings get ids so sections can be linked.
 */
export async function readRunbookHtml(root = process.cwd()): Promise<string> {
  // The page has its own title: the file's (for reading it in the repository) is left out.
  const markdown = (await readFile(path.join(root, RUNBOOK_MARKDOWN), "utf8")).replace(/^# [^\n]*\n/, "");
  const html = await marked.parse(markdown, { gfm: true });
  return html.replace(/<h([12])>([^<]+)<\/h\1>/g, (_m, level: string, text: string) => `<h${level} id="${slug(text)}">${text}</h${level}>`);
}

const slug = (text: string) => text.toLowerCase().replace(/&[a-z]+;/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
