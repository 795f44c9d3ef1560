import { PageHeader } from "@/components/page-header";
import { requirePage } from "@/lib/auth/guard";
import { pageBySlug, type PageSlug } from "@/lib/auth/roles";

/**
 * The frame of every console page: checks the role on the server (redirect or 403) before rendering
 * anything, then the title and summary from the roles table.
 */
export async function ConsolePage({
  slug,
  actions,
  children,
}: {
  slug: PageSlug;
  /** Buttons beside the title; rendered only after the role check passed. */
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  await requirePage(slug);
  const page = pageBySlug(slug);
  return (
    <>
      <PageHeader title={page.title} summary={page.summary}>
        {actions}
      </PageHeader>
      {children}
    </>
  );
}

export function pageMetadata(slug: PageSlug) {
  return { title: pageBySlug(slug).title };
}
