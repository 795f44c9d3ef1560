import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/db";
import { factsFromDatabase, factsFromSchema } from "../helpers/schema-compare";

// Migrations are hand-written SQL (Prisma's migrate cannot run on these machines): this is the check that
// they build exactly the schema the Prisma client was generated from.
describe("prisma/schema.prisma and prisma/migrations", () => {
  it("describe the same tables, columns, types, defaults, indexes, enums and foreign keys", async () => {
    const { url } = await useTestDatabase();
    expect(await factsFromDatabase(url)).toEqual(factsFromSchema("prisma/schema.prisma"));
  });
});

describe("the drift check itself", () => {
  it("notices a column the schema does not declare and a nullability change", async () => {
    const { url, prisma } = await useTestDatabase();
    await prisma.$executeRawUnsafe("ALTER TABLE users ADD COLUMN nickname text");
    await prisma.$executeRawUnsafe("ALTER TABLE users ALTER COLUMN name DROP NOT NULL");
    const db = await factsFromDatabase(url);
    const schema = factsFromSchema("prisma/schema.prisma");
    expect(db.filter((f) => !schema.includes(f))).toEqual([
      "column users.name text NULL NO DEFAULT",
      "column users.nickname text NULL NO DEFAULT",
    ]);
  });
});
