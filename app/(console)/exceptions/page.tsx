import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";

export const metadata = pageMetadata("exceptions");

export default function ExceptionsPage() {
  return (
    <ConsolePage slug="exceptions">
      <EmptyState title="No exceptions">Records that cannot be synced (missing or invalid emails, the same email on several customers, rejections by Mailchimp) are listed here with their reason and an owner. No sync has run yet.</EmptyState>
    </ConsolePage>
  );
}
