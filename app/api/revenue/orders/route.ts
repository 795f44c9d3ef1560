/**
 * GET /api/revenue/orders?month=YYYY-MM&company&currency&onlyDiffering&page — the drill-down: the orders behind
 * one revenue cell, Odoo and Mailchimp side by side, largest differences first. Finance and admins.
 */
import { NextResponse } from "next/server";
import { withRoles } from "@/lib/auth/guard";
import { pageBySlug } from "@/lib/auth/roles";
import { parseQuery, revenueCellSchema } from "@/lib/console/revenue/revenue-filter";
import { revenueOrders } from "@/lib/console/revenue/revenue-orders";

export const dynamic = "force-dynamic";

export const GET = withRoles(pageBySlug("revenue").roles, async (req) => NextResponse.json(await revenueOrders(parseQuery(revenueCellSchema, req.nextUrl.searchParams))));
