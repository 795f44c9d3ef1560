/**
 * Waits for a condition whose timing the test does not control, polling every `everyMs`. The bound is a hang
 * guard, never an assertion on speed: past it, the error names what was awaited and, when given, the state
 * (`explain`) that says why it did not come.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  o: { boundMs?: number; everyMs?: number; explain?: () => Promise<string> | string } = {},
): Promise<T> {
  const deadline = Date.now() + (o.boundMs ?? 90_000);
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}${o.explain ? `: ${await o.explain()}` : ""}`);
    await new Promise((r) => setTimeout(r, o.everyMs ?? 50));
  }
}
