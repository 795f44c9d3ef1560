/** What the commerce sync reads from Odoo, reduced to what it writes (read-odoo.ts fills these). */

export interface SaleOrder {
  id: number;
  name: string;
  /** sale (locked or not, Odoo 17+), done (up to 16), cancel; quotations are never read. */
  state: "sale" | "done" | "cancel";
  dateOrder: Date;
  writeDate: Date;
  partnerId: number;
  companyId: number;
  companyName: string;
  currency: string;
  amountTotal: number;
  amountTax: number;
}

export interface SaleLine {
  id: number;
  orderId: number;
  productId: number;
  quantity: number;
  /** Unit price before the discount. */
  priceUnit: number;
  /** Percent, as Odoo stores it. */
  discountPercent: number;
}

/** A posted customer credit note linked to an order (invoice_origin or the reversed invoice). */
export interface CreditNote {
  id: number;
  orderId: number;
  amountTotal: number;
  amountTax: number;
}

export interface Product {
  id: number;
  templateId: number;
  name: string;
  templateName: string;
  sku: string;
  price: number;
  category: string;
}

/** A member the member sync wrote (sync_records, synced): where an order's buyer can be found. */
export interface MemberRef {
  audienceId: string;
  email: string;
  partnerIds: number[];
}

export interface CommerceSettings {
  enabled: boolean;
  /** When false (the default), every write runs with the store's is_syncing on: Mailchimp emails nobody. */
  liveNotifications: boolean;
}
