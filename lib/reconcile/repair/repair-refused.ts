/** Why a repair was not started, in words the page can show. */
export class RepairRefusedError extends Error {}
