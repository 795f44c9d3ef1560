import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatOdooDate, formatOdooDatetime, many2one, nullIfFalse, odooString, parseOdooDate, parseOdooDatetime, x2many } from "./values";

describe("Odoo value helpers", () => {
  it("treats false as empty, keeps real values", () => {
    expect(nullIfFalse(false)).toBeNull();
    expect(nullIfFalse(0)).toBe(0);
    expect(odooString(false)).toBeNull();
    expect(odooString("")).toBeNull();
    expect(odooString("a@b.c")).toBe("a@b.c");
  });

  it("maps many2one and x2many", () => {
    expect(many2one([7, "Azure Interior"])).toEqual({ id: 7, name: "Azure Interior" });
    expect(many2one(false)).toBeNull();
    expect(many2one(3)).toEqual({ id: 3, name: "" });
    expect(x2many(false)).toEqual([]);
    expect(x2many([1, 2])).toEqual([1, 2]);
  });

  it("parses naive datetimes as UTC", () => {
    expect(parseOdooDatetime("2024-02-29 23:59:58")?.toISOString()).toBe("2024-02-29T23:59:58.000Z");
    expect(parseOdooDatetime(false)).toBeNull();
    expect(() => parseOdooDatetime("2024-02-29T23:59:58Z")).toThrow(TypeError);
    expect(parseOdooDate("2024-01-31")?.toISOString()).toBe("2024-01-31T00:00:00.000Z");
    expect(formatOdooDate(new Date("2024-01-31T12:00:00Z"))).toBe("2024-01-31");
  });

  it("round-trips datetimes at second precision", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }), (d) => {
        const text = formatOdooDatetime(d);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        expect(parseOdooDatetime(text)?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
  });
});
