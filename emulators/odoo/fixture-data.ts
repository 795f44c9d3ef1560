// A small hand-written fixture used by the domain and value tests: every case is visible here.
import type { FixtureData } from "./options.js";

export const FIXTURE: FixtureData = {
  "res.currency": [{ id: 1, name: "EUR", symbol: "€" }, { id: 2, name: "USD", symbol: "$" }],
  "res.company": [{ id: 1, name: "My Company", partner_id: 1, currency_id: 2 }],
  "res.partner.category": [{ id: 1, name: "Vendor" }, { id: 2, name: "VIP" }],
  "res.partner": [
    { id: 1, name: "My Company", is_company: true, company_id: 1 },
    { id: 10, name: "Azure Interior", is_company: true, email: "info@azure.example.com", customer_rank: 3, category_id: [2] },
    { id: 11, name: "Brandon Freeman", parent_id: [10, "Azure Interior"], email: "Brandon.Freeman@Azure.example.com", phone: "" },
    { id: 12, name: false, parent_id: 10, type: "invoice", email: "info@azure.example.com" },
    { id: 13, name: "Nicole Ford", parent_id: 11, email: "a@x.com; b@y.com", active: false },
    { id: 20, name: "Wood Corner", is_company: true, supplier_rank: 2, category_id: [1], write_date: "2024-03-01 10:00:00" },
    { id: 21, name: "Jane_Doe", email: "jane@example.com", write_date: "2024-03-02 00:00:00" },
    { id: 22, name: "JaneXDoe", email: false },
  ],
  "res.users": [{ id: 2, login: "admin", partner_id: 1, share: false, company_id: 1 }],
  "mail.blacklist": [{ id: 1, email: "jane@example.com" }],
  "sale.order": [
    { id: 1, name: "S00001", state: "sale", date_order: "2024-05-01 09:30:00", partner_id: 11, partner_invoice_id: 12,
      partner_shipping_id: 11, company_id: 1, currency_id: 2, amount_untaxed: 100, amount_tax: 15, amount_total: 115 },
  ],
};
