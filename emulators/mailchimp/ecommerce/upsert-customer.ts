import type { Emulator } from "../core/emulator.js";
import type { Json, Store } from "../core/ecommerce-types.js";
import { subscriberHash } from "../core/hash.js";
import { mailchimpTime } from "../core/time.js";
import { checkTypes } from "../http/body-checks.js";
import { ApiProblem, invalidResource } from "../http/problem.js";
import { assertRealEmail } from "../members/email-rules.js";
import { writeMember } from "../members/write-member.js";

// Creates or updates an e-commerce customer and makes sure the person is on the store's audience.
// opt_in_status only decides the status of a member that did not exist: subscribed if true, transactional if false.

const CUSTOMER_TYPES = { id: "string", email_address: "string", opt_in_status: "boolean", company: "string", first_name: "string", last_name: "string", address: "object" } as const;

export function upsertCustomer(emulator: Emulator, store: Store, id: string, body: Json, requireOptIn: boolean): Json {
  checkTypes(body, CUSTOMER_TYPES);
  if (id.length > 50) throw invalidResource([{ field: "id", message: "The customer id must be 50 characters or fewer." }]);
  const existing = store.customers.get(id);
  const email = (body.email_address as string | undefined) ?? (existing?.email_address as string | undefined);
  const missing = [!email && "email_address", requireOptIn && body.opt_in_status === undefined && "opt_in_status"].filter(Boolean);
  if (missing.length > 0) throw invalidResource([{ field: "", message: `Required fields were not provided: ${missing.join(", ")}` }]);
  assertRealEmail(email);
  const now = mailchimpTime(emulator.now());
  const customer: Json = { ...(existing ?? { id, created_at: now }), updated_at: now };
  for (const key of ["email_address", "company", "first_name", "last_name", "address"]) if (body[key] !== undefined) customer[key] = body[key];
  ensureMember(emulator, store, email as string, body.opt_in_status === true);
  store.customers.set(id, customer);
  return customer;
}

function ensureMember(emulator: Emulator, store: Store, email: string, optIn: boolean): void {
  const list = emulator.account.lists.get(store.list_id);
  if (!list) return;
  const member = list.members.get(subscriberHash(email));
  if (member && member.status !== "archived") return;
  try {
    writeMember(emulator, list, { email_address: email, status_if_new: optIn ? "subscribed" : "transactional" },
      { mode: "put", pathHash: null, skipMergeValidation: true, source: "api", memberSource: "E-Commerce" });
  } catch (error) {
    // A forgotten or compliance-locked person stays off the audience; the customer record is still accepted.
    if (!(error instanceof ApiProblem)) throw error;
  }
}

export function customerView(emulator: Emulator, store: Store, customer: Json): Json {
  let orders_count = 0;
  let total_spent = 0;
  for (const order of store.orders.values()) {
    if ((order.customer_id as string) !== customer.id) continue;
    orders_count += 1;
    total_spent += Number(order.order_total ?? 0);
  }
  const list = emulator.account.lists.get(store.list_id);
  const member = list?.members.get(subscriberHash(String(customer.email_address)));
  return { id: customer.id, email_address: customer.email_address, opt_in_status: member?.status === "subscribed",
    company: customer.company ?? "", first_name: customer.first_name ?? "", last_name: customer.last_name ?? "",
    orders_count, total_spent: Math.round(total_spent * 100) / 100, address: customer.address ?? {},
    created_at: customer.created_at, updated_at: customer.updated_at,
    _links: [{ rel: "self", href: `${emulator.apiOrigin()}/ecommerce/stores/${store.id}/customers/${String(customer.id)}`, method: "GET" }] };
}
