import { expect, it } from "vitest";
import { typesAgree } from "./diagnose-mailchimp";

it("a merge field's type agrees when it takes the values the engine sends", () => {
  expect(typesAgree("text", "text")).toBe(true);
  // Mailchimp creates every audience with PHONE as "phone": the engine's text values are accepted there.
  expect(typesAgree("text", "phone")).toBe(true);
  expect(typesAgree("number", "number")).toBe(true);
  expect(typesAgree("number", "text")).toBe(false);
  expect(typesAgree("date", "birthday")).toBe(false);
  expect(typesAgree("text", "dropdown")).toBe(false);
  expect(typesAgree("text", undefined)).toBe(false);
});
