import { mailchimpTime } from "../core/time.js";
import { ok, type Route } from "./route.js";

// GET /ping and GET / (API root: minimal account information).

export const rootRoutes: Route[] = [
  { method: "GET", template: "/ping", handler: () => ok({ health_status: "Everything's Chimpy!" }) },
  {
    method: "GET",
    template: "/",
    handler: (ctx) => {
      let total = 0;
      for (const list of ctx.emulator.account.lists.values()) for (const m of list.members.values()) if (m.status === "subscribed") total += 1;
      return ok({
        account_id: "bridgeline0emulator", login_id: "1001", account_name: "Bridgeline Emulator", email: "owner@bridgeline.dev",
        first_name: "Emulated", last_name: "Owner", username: "bridgeline-emulator", avatar_url: "", role: "owner",
        member_since: mailchimpTime(Date.UTC(2020, 0, 1)), pricing_plan_type: "monthly", first_payment: mailchimpTime(Date.UTC(2020, 0, 1)),
        account_timezone: "UTC", account_industry: "Software",
        contact: { company: "Bridgeline Demo", addr1: "1 Main St", addr2: "", city: "Atlanta", state: "GA", zip: "30308", country: "US" },
        pro_enabled: false, last_login: mailchimpTime(ctx.emulator.now()), total_subscribers: total,
        industry_stats: { open_rate: 0, bounce_rate: 0, click_rate: 0 },
        _links: [{ rel: "lists", href: `${ctx.emulator.apiOrigin()}/lists`, method: "GET" }],
      });
    },
  },
];
