-- Orders and revenue in the reconciliation (lib/reconcile): Odoo's confirmed and cancelled sale.orders with the
-- posted credit notes linked to them, Mailchimp's orders of Bridgeline's stores as read back, and revenue per
-- month, company and currency for every succeeded pass (the Revenue page reads only these).

-- CreateTable
CREATE TABLE "reconcile_odoo_orders" (
    "pass_id" UUID NOT NULL,
    "sale_order_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "partner_id" INTEGER,
    "company_id" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "date_order" TIMESTAMPTZ(3) NOT NULL,
    "state" TEXT NOT NULL,
    "invoiced" BOOLEAN NOT NULL DEFAULT false,
    "routed" BOOLEAN NOT NULL DEFAULT false,
    "buyer_audience_id" TEXT,
    "buyer_email" TEXT,
    "amount_cents" BIGINT NOT NULL,
    "refunded_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "reconcile_odoo_orders_pkey" PRIMARY KEY ("pass_id","sale_order_id")
);

-- CreateTable
CREATE TABLE "reconcile_mailchimp_orders" (
    "pass_id" UUID NOT NULL,
    "store_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "company_id" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "total_cents" BIGINT NOT NULL,
    "financial_status" TEXT,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "reconcile_mailchimp_orders_pkey" PRIMARY KEY ("pass_id","store_id","order_id")
);

-- CreateTable
CREATE TABLE "reconcile_revenue" (
    "pass_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "company_id" INTEGER NOT NULL,
    "company_name" TEXT NOT NULL DEFAULT '',
    "currency" TEXT NOT NULL,
    "odoo_orders" INTEGER NOT NULL DEFAULT 0,
    "odoo_gross_cents" BIGINT NOT NULL DEFAULT 0,
    "odoo_refunds_cents" BIGINT NOT NULL DEFAULT 0,
    "odoo_cancellations_cents" BIGINT NOT NULL DEFAULT 0,
    "odoo_net_cents" BIGINT NOT NULL DEFAULT 0,
    "odoo_unrouted_cents" BIGINT NOT NULL DEFAULT 0,
    "mailchimp_orders" INTEGER NOT NULL DEFAULT 0,
    "mailchimp_net_cents" BIGINT NOT NULL DEFAULT 0,
    "mailchimp_cancellations_cents" BIGINT NOT NULL DEFAULT 0,
    "difference_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "reconcile_revenue_pkey" PRIMARY KEY ("pass_id","month","company_id","currency")
);

-- CreateIndex
CREATE INDEX "reconcile_odoo_orders_pass_id_month_company_id_currency_idx" ON "reconcile_odoo_orders"("pass_id", "month", "company_id", "currency");

-- CreateIndex
CREATE INDEX "reconcile_mailchimp_orders_pass_id_order_id_idx" ON "reconcile_mailchimp_orders"("pass_id", "order_id");

-- AddForeignKey
ALTER TABLE "reconcile_revenue" ADD CONSTRAINT "reconcile_revenue_pass_id_fkey" FOREIGN KEY ("pass_id") REFERENCES "reconcile_passes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
