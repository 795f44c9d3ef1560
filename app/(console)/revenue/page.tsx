import { ConsolePage, pageMetadata } from "@/components/console-page";
import { RevenueView } from "@/components/revenue/revenue-view";

export const metadata = pageMetadata("revenue");

/** Finance's default page (and admins'): Odoo's books against Mailchimp's e-commerce data, from the latest read-back. */
export default function RevenuePage() {
  return (
    <ConsolePage slug="revenue">
      <RevenueView />
    </ConsolePage>
  );
}
