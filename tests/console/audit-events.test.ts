import { expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { LIMITS } from "@/lib/auth/limiter";
import { createUser } from "@/lib/auth/users";
import { assignException } from "@/lib/console/exceptions/update-exception";
import { listAuditEvents } from "@/lib/console/list-audit-events";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase({ asProcessDefault: true });
const PASSWORD = "correct horse battery";

it("records failed sign-ins with the email tried and the IP, never the password, and the lockout they cause", async () => {
  await createUser(prisma, { email: "fin@shop.io", name: "Fiona Finance", role: "finance", password: PASSWORD });
  await authorizeCredentials(prisma, { email: "nobody@shop.io", password: "secret-guess-0", ip: "203.0.113.9" });
  for (let i = 1; i <= LIMITS.perAccount; i++) await authorizeCredentials(prisma, { email: " FIN@shop.io", password: `secret-guess-${i}`, ip: "203.0.113.7" });
  // Refused while locked: not one more row each (a brute force would bury the page).
  await authorizeCredentials(prisma, { email: "fin@shop.io", password: PASSWORD, ip: "203.0.113.7" });

  const events = await listAuditEvents();
  const failures = events.filter((e) => e.action === "auth.sign_in_failed");
  expect(failures).toHaveLength(LIMITS.perAccount + 1);
  expect(failures.at(-1)).toMatchObject({ who: { name: "not signed in", email: null }, target: "nobody@shop.io", detail: [{ label: "ip", value: "203.0.113.9" }, { label: "reason", value: "unknown_account" }] });
  expect(failures[0]).toMatchObject({ target: "fin@shop.io", detail: [{ label: "ip", value: "203.0.113.7" }, { label: "reason", value: "wrong_password" }] });
  const lockouts = events.filter((e) => e.action === "auth.locked_out");
  expect(lockouts).toHaveLength(1);
  expect(lockouts[0]).toMatchObject({ target: "fin@shop.io" });
  expect(JSON.stringify(await prisma.auditEvent.findMany({ select: { action: true, target: true, detail: true } }))).not.toMatch(/secret-guess|correct horse/);
});

it("names users instead of showing their ids", async () => {
  const ops = await createUser(prisma, { email: "ops@shop.io", name: "Olga Ops", role: "ops" });
  const actor = { id: ops.id, email: ops.email, name: ops.name, role: ops.role };
  const exc = await prisma.syncException.create({ data: { kind: "no_route", fingerprint: "no_route||partner:1", partnerIds: [1] } });
  await assignException({ id: exc.id.toString(), ownerId: ops.id }, actor);
  await assignException({ id: exc.id.toString(), ownerId: null }, actor);
  const [unassigned, assigned] = (await listAuditEvents()).filter((e) => e.action === "exception.assigned");
  expect(assigned).toMatchObject({ who: { name: "Olga Ops", email: "ops@shop.io" }, detail: [{ label: "owner", value: "Olga Ops" }] });
  expect(unassigned?.detail).toEqual([{ label: "owner", value: "nobody" }]);
  expect(JSON.stringify(await listAuditEvents())).not.toContain(ops.id);
});
