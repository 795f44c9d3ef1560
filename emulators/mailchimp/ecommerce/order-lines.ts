import type { Json, Store } from "../core/ecommerce-types.js";
import { checkTypes, requireFields, requireObjectBody } from "../http/body-checks.js";
import { ApiProblem } from "../http/problem.js";

// Order lines must point at an existing product and variant of the same store.

const LINE_TYPES = { id: "string", product_id: "string", product_variant_id: "string", quantity: "integer", price: "number", discount: "number" } as const;

export function productMissing(): ApiProblem {
  return new ApiProblem(400, "Invalid Resource", "A product with the provided ID does not exist in the account for this list.");
}

export function variantMissing(): ApiProblem {
  return new ApiProblem(400, "Invalid Resource", "A product variant with the provided ID does not exist in the account for this list.");
}

export function checkLine(store: Store, raw: unknown, prefix: string, partial = false): Json {
  const line = requireObjectBody(raw);
  if (!partial) requireFields(line, ["id", "product_id", "product_variant_id", "quantity", "price"], prefix);
  checkTypes(line, LINE_TYPES, prefix);
  if (line.product_id !== undefined) {
    const product = store.products.get(line.product_id as string);
    if (!product) throw productMissing();
    const variants = product.variants as Json[];
    if (line.product_variant_id !== undefined && !variants.some((v) => v.id === line.product_variant_id)) throw variantMissing();
  }
  return line;
}

export function lineView(store: Store, line: Json): Json {
  const product = store.products.get(line.product_id as string);
  const variant = (product?.variants as Json[] | undefined)?.find((v) => v.id === line.product_variant_id);
  return { id: line.id, product_id: line.product_id, product_title: product?.title ?? "", product_variant_id: line.product_variant_id,
    product_variant_title: variant?.title ?? "", image_url: variant?.image_url ?? product?.image_url ?? "",
    quantity: line.quantity, price: line.price, discount: line.discount ?? 0 };
}
