import type { Route } from "../http/route.js";
import { customerRoutes } from "./customer-routes.js";
import { orderLineRoutes } from "./order-line-routes.js";
import { orderRoutes } from "./order-routes.js";
import { productRoutes } from "./product-routes.js";
import { storeRoutes } from "./store-routes.js";

// The e-commerce surface in one table.
export const ecommerceRoutes: Route[] = [...storeRoutes, ...customerRoutes, ...productRoutes, ...orderRoutes, ...orderLineRoutes];
