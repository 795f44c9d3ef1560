/** A set of Odoo ids as a growable bitset: 1M order ids cost 125 KB, where a Set<number> costs tens of MB. */
export class IdBitset {
  private bits = new Uint8Array(0);

  add(id: number): void {
    const byte = id >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(1024, 2 ** Math.ceil(Math.log2(byte + 1))));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[byte] = (this.bits[byte] as number) | (1 << (id & 7));
  }

  has(id: number): boolean {
    const byte = id >>> 3;
    return byte < this.bits.length && ((this.bits[byte] as number) & (1 << (id & 7))) !== 0;
  }
}
