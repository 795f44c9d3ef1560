import { parsePolicy } from "./parse-policy";
import type { Policy } from "./schema";

export interface DemoAudiences {
  sf_b2b: string;
  sf_b2c: string;
  chicago: string;
  brussels: string;
}

/** res.company ids of the emulator's demo business (emulators/odoo/gen/base.ts). */
export const DEMO_COMPANY = { sanFrancisco: 1, chicago: 2, brussels: 3 } as const;

/**
 * Routes the demo business: San Francisco splits B2B and B2C into two audiences, Chicago and Brussels get one
 * audience each. Each rule names its company, so no customer of one legal entity lands in another's audience.
 */
export function buildDemoPolicy(audiences: DemoAudiences): Policy {
  return parsePolicy({
    hierarchy: { childContacts: "contacts_only" },
    consent: { newMemberStatus: "transactional" },
    routing: {
      rules: [
        { name: "San Francisco B2B", audienceId: audiences.sf_b2b, companyIds: [DEMO_COMPANY.sanFrancisco], customerType: "b2b" },
        { name: "San Francisco B2C", audienceId: audiences.sf_b2c, companyIds: [DEMO_COMPANY.sanFrancisco], customerType: "b2c" },
        { name: "Chicago", audienceId: audiences.chicago, companyIds: [DEMO_COMPANY.chicago] },
        { name: "Brussels", audienceId: audiences.brussels, companyIds: [DEMO_COMPANY.brussels] },
      ],
    },
  });
}
