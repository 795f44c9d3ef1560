import fc from "fast-check";
import { expect, it } from "vitest";
import { z } from "zod";
import {
  booleanField, countField, dateSecondsField, datetimeSecondsField, flagField, idField, idsField, many2oneField, MISS, nullableBooleanField,
  odooRow, optionalField, parseRows, textField, unknownField, type OdooField,
} from "@/lib/sync/plan/odoo-row";
import { parsePage } from "@/lib/sync/plan/odoo-values";

// Odoo-looking values and the odd ones out: the decoders must agree with zod on all of them.
const wire = fc.oneof(
  fc.constantFrom(false, true, null, undefined, "", " ", "x", 0, -1, 1.5, 2 ** 60, Number.NaN, Infinity, [], [false], ["a"], {}),
  fc.constantFrom("2024-02-29 13:05:09", "2024-02-29 13:05:09.123", "2024-02-29", "2024-13-45", "29/02/2024"),
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.string(),
  fc.tuple(fc.integer({ min: -2, max: 100 }), fc.oneof(fc.string(), fc.constant(false), fc.constant(1))),
  fc.array(fc.oneof(fc.integer({ min: -2, max: 100 }), fc.string()), { maxLength: 4 }),
);

const fields: Record<string, OdooField<z.ZodType>> = {
  idField, many2oneField, textField, idsField, flagField, countField, booleanField, nullableBooleanField, unknownField,
  datetimeSecondsField, dateSecondsField, optional: optionalField(many2oneField),
};

it.each(Object.entries(fields))("%s decodes exactly what zod accepts, to what zod returns", (_, field) => {
  fc.assert(
    fc.property(wire, (value) => {
      const decoded = field.decode(value);
      const parsed = field.schema.safeParse(value);
      if (decoded === MISS) return true; // zod decides: same result by construction
      expect(parsed.success).toBe(true);
      expect(decoded).toStrictEqual(parsed.data);
      return true;
    }),
  );
});

it("takes the fast path for every well-formed Odoo value", () => {
  const ok: [OdooField<z.ZodType>, unknown][] = [
    [idField, 7], [many2oneField, [3, "Acme"]], [many2oneField, [3, false]], [many2oneField, false], [many2oneField, 4], [textField, "a"],
    [textField, false], [idsField, [1, 2]], [idsField, false], [flagField, true], [countField, 2], [countField, false], [booleanField, false],
    [nullableBooleanField, null], [datetimeSecondsField, "2024-01-01 00:00:00"], [datetimeSecondsField, false], [dateSecondsField, "2024-01-01"],
  ];
  for (const [field, value] of ok) expect(field.decode(value)).not.toBe(MISS);
});

const row = odooRow({ id: idField, name: textField, parent: many2oneField, when: datetimeSecondsField, state: optionalField(many2oneField) });

it("parses rows like zod's loose object, declared fields only", () => {
  const rows = [
    { id: 1, name: " Ann ", parent: [2, "Acme"], when: "2024-03-01 10:00:00", extra: "kept in raw" },
    { id: 2, name: false, parent: false, when: false, state: [5, "Ohio"] },
  ];
  const reference = parsePage(row.schema, "res.partner", rows).map(({ extra: _extra, ...declared }) => declared);
  expect(parseRows(row, "res.partner", rows)).toStrictEqual(reference);
});

it("reports a malformed record with zod's message, as before", () => {
  for (const bad of [{ id: 3, name: "x", parent: [0, "bad id"], when: false }, { id: 4, name: 5, parent: false, when: false }, { id: 5, name: "x", parent: false, when: "yesterday" }]) {
    const expected = (() => {
      try {
        parsePage(row.schema, "res.partner", [bad]);
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error("zod accepted a bad row");
    })();
    expect(() => parseRows(row, "res.partner", [bad])).toThrow(expected);
    expect(expected).toMatch(new RegExp(`^Unexpected res.partner record ${bad.id}: `));
  }
});
