const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed UUID (any letter case, as Postgres reads it): anything else is a 404, never a database error. */
export const isUuid = (value: string | null | undefined): value is string => typeof value === "string" && UUID.test(value);
