-- Sessions ended by sign-out. Session tokens are JWTs (next-auth's credentials provider allows no other), so a
-- copy saved before sign-out stayed valid for its 8 hours; every request now checks its session id here. Rows
-- are useless once the token would have expired anyway.

-- CreateTable
CREATE TABLE "revoked_sessions" (
    "sid" UUID NOT NULL,
    "user_id" UUID,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revoked_sessions_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions"("expires_at");
