// Seeded randomness so a fault profile replays identically with the same --seed.

export interface Random {
  next(): number;
  hex(length: number): string;
  int(maxExclusive: number): number;
}

export function createRandom(seed: number): Random {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  const hex = (length: number): string => {
    let out = "";
    while (out.length < length) out += int(16).toString(16);
    return out;
  };
  return { next, hex, int };
}
