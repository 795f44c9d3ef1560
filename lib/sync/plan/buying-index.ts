/**
 * Per-partner numbers the planner needs about every partner at once, in typed arrays indexed by Odoo id:
 * about 30 bytes per id, so 1M partners cost ~30 MB and never a Map entry per partner. Odoo ids are dense
 * (a sequence), which is what makes id-indexing cheaper than hashing.
 */
const IS_COMPANY = 1;

export class BuyingIndex {
  private commercial = new Int32Array(0);
  private flags = new Uint8Array(0);
  private orders = new Int32Array(0);
  private lastOrderAt = new Uint32Array(0);
  private lastOrderCompany = new Int32Array(0);
  private invoices = new Int32Array(0);
  private lastInvoiceAt = new Uint32Array(0);
  private lastInvoiceCompany = new Int32Array(0);

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
    return this.commercial.length * 30;
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
  }
}

function grow<T extends Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
