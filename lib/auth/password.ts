import bcrypt from "bcryptjs";

/** bcrypt with cost 12 (about 250 ms here): slow enough to blunt offline guessing, fast enough to sign in. */
const COST = 12;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/**
 * Compared against when the account does not exist, so an unknown email costs the same time as a wrong
 * password and the response time does not reveal which accounts exist.
 */
export const DUMMY_HASH = "$2b$12$iOaQl2xmQDBVsocoGTtLruaNskUsopCYVxcc12BQN.jf.6Cw35V5i";
