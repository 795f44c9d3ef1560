import { batchRoutes } from "../batches/batch-routes.js";
import { ecommerceRoutes } from "../ecommerce/ecommerce-routes.js";
import { listRoutes } from "../lists/list-routes.js";
import { mergeFieldRoutes } from "../lists/merge-field-routes.js";
import { segmentRoutes } from "../lists/segment-routes.js";
import { memberRoutes } from "../members/member-routes.js";
import { tagRoutes } from "../members/tag-routes.js";
import { webhookRoutes } from "../webhooks/webhook-routes.js";
import { rootRoutes } from "./root-routes.js";
import type { Route } from "./route.js";

// Every /3.0 route the emulator answers. Anything else is 404; a known path with another method is 405.

export function allRoutes(): Route[] {
  return [
    ...rootRoutes, ...listRoutes, ...memberRoutes, ...tagRoutes, ...mergeFieldRoutes,
    ...segmentRoutes, ...webhookRoutes, ...batchRoutes, ...ecommerceRoutes,
  ];
}
