-- Each read-back order's sale.order, revenue month and whether it is the one counted for its company and currency
-- (an order in two of our stores of one company and currency is one sale), decided once per pass
-- (lib/reconcile/compare/mark-counted-orders.ts) instead of on every Revenue drill-down over the whole pass.
ALTER TABLE "reconcile_mailchimp_orders" ADD COLUMN "sale_order_id" INTEGER;
ALTER TABLE "reconcile_mailchimp_orders" ADD COLUMN "revenue_month" DATE;
ALTER TABLE "reconcile_mailchimp_orders" ADD COLUMN "counted" BOOLEAN NOT NULL DEFAULT false;

-- The drill-down from one revenue cell reads just its orders.
CREATE INDEX "reconcile_mailchimp_orders_cell_idx" ON "reconcile_mailchimp_orders"("pass_id", "revenue_month", "company_id", "currency") WHERE "counted";
