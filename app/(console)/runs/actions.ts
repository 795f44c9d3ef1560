"use server";

/**
 * Run control: admin only (marketing cannot start runs; ops works record by record from Exceptions). Every
 * export is built with defineAction (checked by tests/auth/entry-points.test.ts).
 */
import { defineAction } from "@/lib/auth/guard";
import { controlRunFromConsole, requestRunInput, runIdInput, startRunFromConsole } from "@/lib/console/run-control";

export const startRunAction = defineAction({ name: "start sync runs", roles: ["admin"], input: requestRunInput }, startRunFromConsole);

export const controlRunAction = defineAction({ name: "pause, resume or cancel runs", roles: ["admin"], input: runIdInput }, controlRunFromConsole);
