/**
 * Per-partner numbers the planner needs about every partner at once, in typed arrays indexed by Odoo id:
 * about 30 bytes per id (50 with purchase data), so 1M partners cost ~30-50 MB and never a Map entry per partner. Odoo ids are dense
 * (a sequence), which is what makes id-indexing cheaper than hashing.
 */
import { BoughtCategories } from "./bought-categories";

const IS_COMPANY = 1;
const REFUNDED = 2;

export class BuyingIndex {
  private commercial = new Int32Array(0);
  private flags = new Uint8Array(0);
  private orders = new Int32Array(0);
  private lastOrderAt = new Uint32Array(0);
  private lastOrderCompany = new Int32Array(0);
  private invoices = new Int32Array(0);
  private lastInvoiceAt = new Uint32Array(0);
  private lastInvoiceCompany = new Int32Array(0);
  // Purchase data (policy commerce.enabled): net of refunds, in the currency of the latest order.
  private netCents = new Float64Array(0);
  private netOrders = new Int32Array(0);
  private firstNetAt = new Uint32Array(0);
  private lastNetAt = new Uint32Array(0);
  private currency = new Int32Array(0);
  /** The rare partner who bought in a second currency: commercial id -> currency -> figures. */
  private otherCurrencies = new Map<number, Map<number, { cents: number; orders: number; first: number; last: number }>>();
  /** Product categories bought (policy commerce.enabled), for the category tags: filled by scan-categories.ts. */
  readonly categories = new BoughtCategories();

  /** Records a partner's commercial partner (only needed where they differ) and whether it is a company. */
  setPartner(id: number, commercialId: number, isCompany: boolean): void {
    this.ensure(Math.max(id, commercialId));
    this.commercial[id] = commercialId;
    this.flags[id] = isCompany ? IS_COMPANY : 0;
  }

  commercialOf(id: number): number {
    return id < this.commercial.length && this.commercial[id] !== 0 ? (this.commercial[id] as number) : id;
  }

  isCompany(id: number): boolean {
    return id < this.flags.length && ((this.flags[id] as number) & IS_COMPANY) !== 0;
  }

  /** A confirmed sale order, credited to the commercial partner of its customer. */
  addOrder(partnerId: number, at: number, companyId: number): void {
    const c = this.commercialOf(partnerId);
    this.ensure(c);
    this.orders[c] = (this.orders[c] as number) + 1;
    if (at >= (this.lastOrderAt[c] as number)) {
      this.lastOrderAt[c] = at;
      this.lastOrderCompany[c] = companyId;
    }
  }

  /** A posted customer invoice; Odoo already gives its commercial partner. */
  addInvoice(commercialId: number, at: number, companyId: number): void {
    this.ensure(commercialId);
    this.invoices[commercialId] = (this.invoices[commercialId] as number) + 1;
    if (at >= (this.lastInvoiceAt[commercialId] as number)) {
      this.lastInvoiceAt[commercialId] = at;
      this.lastInvoiceCompany[commercialId] = companyId;
    }
  }

  /**
   * A confirmed order's money for the purchase data: its total and what posted credit notes took back (cents).
   * Cancelled orders are never read; a wholly refunded one counts for nothing but the refunded stage.
   */
  addPurchase(partnerId: number, at: number, currencyId: number, totalCents: number, refundedCents: number): void {
    const c = this.commercialOf(partnerId);
    this.ensure(c);
    if (refundedCents > 0) this.flags[c] = (this.flags[c] as number) | REFUNDED;
    const net = Math.max(0, totalCents - refundedCents);
    if (net === 0) return;
    if (this.currency[c] === 0) this.currency[c] = currencyId;
    if (this.currency[c] === currencyId) {
      this.netCents[c] = (this.netCents[c] as number) + net;
      this.netOrders[c] = (this.netOrders[c] as number) + 1;
      if (this.firstNetAt[c] === 0 || at < (this.firstNetAt[c] as number)) this.firstNetAt[c] = at;
      if (at > (this.lastNetAt[c] as number)) this.lastNetAt[c] = at;
      return;
    }
    let other = this.otherCurrencies.get(c);
    if (!other) this.otherCurrencies.set(c, (other = new Map()));
    const f = other.get(currencyId) ?? { cents: 0, orders: 0, first: 0, last: 0 };
    other.set(currencyId, { cents: f.cents + net, orders: f.orders + 1, first: f.first === 0 || at < f.first ? at : f.first, last: Math.max(f.last, at) });
  }

  /** Purchase data of a commercial partner, in the currency of its latest net order (its audience's store). */
  purchasesOf(commercialId: number): { netCents: number; orders: number; firstAt: number; lastAt: number; refunded: boolean } {
    const c = commercialId;
    if (c >= this.commercial.length) return { netCents: 0, orders: 0, firstAt: 0, lastAt: 0, refunded: false };
    const refunded = ((this.flags[c] as number) & REFUNDED) !== 0;
    const primary = { netCents: this.netCents[c] as number, orders: this.netOrders[c] as number, firstAt: this.firstNetAt[c] as number, lastAt: this.lastNetAt[c] as number, refunded };
    const other = this.otherCurrencies.get(c);
    if (!other) return primary;
    let best = primary;
    for (const f of other.values()) if (f.last > best.lastAt) best = { netCents: f.cents, orders: f.orders, firstAt: f.first, lastAt: f.last, refunded };
    return best;
  }

  buys(commercialId: number): boolean {
    return this.orderCount(commercialId) > 0 || (commercialId < this.invoices.length && (this.invoices[commercialId] as number) > 0);
  }

  orderCount(commercialId: number): number {
    return commercialId < this.orders.length ? (this.orders[commercialId] as number) : 0;
  }

  /** Seconds since the epoch of the latest confirmed order, or null. */
  lastOrderAtSeconds(commercialId: number): number | null {
    return this.orderCount(commercialId) > 0 ? (this.lastOrderAt[commercialId] as number) : null;
  }

  /** The company that last sold to this commercial partner: its latest order's, else its latest invoice's. */
  lastBuyCompany(commercialId: number): number | null {
    if (this.orderCount(commercialId) > 0) return (this.lastOrderCompany[commercialId] as number) || null;
    if (commercialId < this.invoices.length && (this.invoices[commercialId] as number) > 0)
      return (this.lastInvoiceCompany[commercialId] as number) || null;
    return null;
  }

  get bytes(): number {
    return this.commercial.length * 50 + this.categories.bytes;
  }

  private ensure(id: number): void {
    if (id < this.commercial.length) return;
    const size = Math.max(1024, 2 ** Math.ceil(Math.log2(id + 1)));
    this.commercial = grow(this.commercial, new Int32Array(size));
    this.flags = grow(this.flags, new Uint8Array(size));
    this.orders = grow(this.orders, new Int32Array(size));
    this.lastOrderAt = grow(this.lastOrderAt, new Uint32Array(size));
    this.lastOrderCompany = grow(this.lastOrderCompany, new Int32Array(size));
    this.invoices = grow(this.invoices, new Int32Array(size));
    this.lastInvoiceAt = grow(this.lastInvoiceAt, new Uint32Array(size));
    this.lastInvoiceCompany = grow(this.lastInvoiceCompany, new Int32Array(size));
    this.netCents = grow(this.netCents, new Float64Array(size));
    this.netOrders = grow(this.netOrders, new Int32Array(size));
    this.firstNetAt = grow(this.firstNetAt, new Uint32Array(size));
    this.lastNetAt = grow(this.lastNetAt, new Uint32Array(size));
    this.currency = grow(this.currency, new Int32Array(size));
  }
}

function grow<T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
