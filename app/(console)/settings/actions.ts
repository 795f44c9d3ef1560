"use server";

/**
 * Settings server actions: admin only. Every export here must be built with defineAction (checked by
 * tests/auth/server-actions.test.ts), which enforces the session and role before anything runs.
 */
import { defineAction } from "@/lib/auth/guard";
import { addConsoleUser, newUserInput, setActiveInput, setConsoleUserActive } from "@/lib/console/manage-users";

export const createUserAction = defineAction(
  { name: "add console users", roles: ["admin"], input: newUserInput },
  addConsoleUser,
);

export const setUserActiveAction = defineAction(
  { name: "activate or deactivate users", roles: ["admin"], input: setActiveInput },
  setConsoleUserActive,
);
