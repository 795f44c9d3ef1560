"use server";

/**
 * Exception queue actions: ops and admin. Every export is built with defineAction (checked by
 * tests/auth/entry-points.test.ts), which enforces the session and role before anything runs.
 */
import { defineAction } from "@/lib/auth/guard";
import {
  assignException,
  assignInput,
  commentInput,
  commentOnException,
  resolveException,
  resolveInput,
} from "@/lib/console/exceptions/update-exception";

const roles = ["admin", "ops"] as const;

export const assignExceptionAction = defineAction({ name: "assign exceptions", roles, input: assignInput }, assignException);

export const commentExceptionAction = defineAction({ name: "comment on exceptions", roles, input: commentInput }, commentOnException);

export const resolveExceptionAction = defineAction({ name: "resolve exceptions", roles, input: resolveInput }, resolveException);
