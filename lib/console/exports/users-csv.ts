import { listConsoleUsers } from "@/lib/console/manage-users";
import { fromList, iso, type CsvTable } from "./csv-table";

/** Settings → users, as the page lists them; never the password hashes the loader reads to say "password or SSO". */
export const usersCsv: CsvTable = {
  page: "settings",
  filename: () => "console-users.csv",
  columns: ["email", "name", "role", "active", "sign_in", "last_signed_in_at"],
  rows: () => fromList(listConsoleUsers(), (u) => [u.email, u.name, u.role, u.active, u.passwordHash ? "password" : "SSO only", iso(u.lastSignInAt)]),
};
