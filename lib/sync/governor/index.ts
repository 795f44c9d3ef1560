export { ConnectionGovernor, type GovernorOptions } from "./governor";
export { PRIORITY_RANK, lockSpace } from "./keys";
export { SerialSession, type Session } from "./session";
