/**
 * The product categories each commercial partner bought (net of cancellations and wholly refunded orders), for the
 * category tags (lib/commerce/category-tags.ts). Compact like the BuyingIndex: a list head per partner id and one
 * (category, next) node per distinct pair in typed arrays, about 4 bytes per partner plus 8 per pair, never a Set per
 * buyer. Category names come from product.category's complete_name.
 */
export class BoughtCategories {
  private head = new Int32Array(0);
  private category = new Int32Array(1024);
  private next = new Int32Array(1024);
  /** Node 0 is the empty list. */
  private nodes = 1;
  private readonly names = new Map<number, string>();

  add(commercialId: number, categoryId: number): void {
    this.ensureHead(commercialId);
    for (let n = this.head[commercialId] as number; n !== 0; n = this.next[n] as number) if (this.category[n] === categoryId) return;
    if (this.nodes === this.category.length) {
      this.category = grow(this.category);
      this.next = grow(this.next);
    }
    const node = this.nodes++;
    this.category[node] = categoryId;
    this.next[node] = this.head[commercialId] as number;
    this.head[commercialId] = node;
  }

  setName(categoryId: number, completeName: string): void {
    this.names.set(categoryId, completeName);
  }

  hasName(categoryId: number): boolean {
    return this.names.has(categoryId);
  }

  /** Complete names of the categories this commercial partner bought, sorted. */
  namesOf(commercialId: number): string[] {
    if (commercialId >= this.head.length) return [];
    const out: string[] = [];
    for (let n = this.head[commercialId] as number; n !== 0; n = this.next[n] as number) {
      const name = this.names.get(this.category[n] as number);
      if (name) out.push(name);
    }
    return out.sort();
  }

  get bytes(): number {
    return this.head.length * 4 + this.category.length * 8;
  }

  private ensureHead(id: number): void {
    if (id < this.head.length) return;
    const grown = new Int32Array(Math.max(1024, 2 ** Math.ceil(Math.log2(id + 1))));
    grown.set(this.head);
    this.head = grown;
  }
}

function grow(from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const to = new Int32Array(from.length * 2);
  to.set(from);
  return to;
}
