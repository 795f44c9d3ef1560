import type { MergeField } from "../core/types.js";

// One rule per merge-field type; returns Mailchimp-style messages ("Please enter a number").

type Rule = (value: unknown, field: MergeField) => string | null;

const asText = (value: unknown): string | null =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : null;

const RULES: Record<string, Rule> = {
  text: (v, f) => {
    const s = asText(v);
    if (s === null) return "Please enter a text value";
    const size = typeof f.options.size === "number" ? f.options.size : 255;
    return s.length > size ? `Please enter a value with ${size} characters or fewer` : null;
  },
  number: (v) => {
    if (typeof v === "number" && Number.isFinite(v)) return null;
    return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? null : "Please enter a number";
  },
  date: (v, f) => (typeof v === "string" && validDate(v, String(f.options.date_format ?? "MM/DD/YYYY")) ? null : "Please enter a date"),
  birthday: (v, f) => (typeof v === "string" && validBirthday(v, String(f.options.date_format ?? "MM/DD")) ? null : "Please enter a valid birthday"),
  phone: (v, f) => {
    const s = asText(v);
    if (s === null) return "Please enter a phone number";
    if (f.options.phone_format === "US") return /^\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}$/.test(s) ? null : "Please enter a valid US phone number";
    return /^\+?[\d ()./-]{5,30}$/.test(s) ? null : "Please enter a phone number";
  },
  url: (v) => (typeof v === "string" && /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v) ? null : "Please enter a valid URL"),
  imageurl: (v) => (typeof v === "string" && /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v) ? null : "Please enter a valid image URL"),
  zip: (v) => (asText(v) !== null && /^\d{5}(-\d{4})?$/.test(asText(v) as string) ? null : "Please enter a valid zip code"),
  radio: (v, f) => choiceError(v, f),
  dropdown: (v, f) => choiceError(v, f),
  address: (v) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return "Please enter a complete address";
    const a = v as Record<string, unknown>;
    const missing = ["addr1", "city", "state", "zip"].filter((k) => typeof a[k] !== "string" || a[k] === "");
    return missing.length > 0 ? "Please enter a complete address" : null;
  },
};

export function mergeValueError(field: MergeField, value: unknown): string | null {
  const rule = RULES[field.type];
  return rule ? rule(value, field) : null;
}

function choiceError(value: unknown, field: MergeField): string | null {
  const choices = Array.isArray(field.options.choices) ? (field.options.choices as string[]) : [];
  return typeof value === "string" && choices.includes(value) ? null : "Please choose one of the available options";
}

function validDate(value: string, format: string): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return false;
  const dayFirst = format.toUpperCase().startsWith("DD");
  const month = Number(dayFirst ? m[2] : m[1]);
  const day = Number(dayFirst ? m[1] : m[2]);
  return realDate(Number(m[3]), month, day);
}

function validBirthday(value: string, format: string): boolean {
  const m = /^(\d{2})\/(\d{2})$/.exec(value);
  if (!m) return false;
  const dayFirst = format.toUpperCase().startsWith("DD");
  return realDate(2000, Number(dayFirst ? m[2] : m[1]), Number(dayFirst ? m[1] : m[2]));
}

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
