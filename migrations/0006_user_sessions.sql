-- 0006_user_sessions: a server-side record of every signed-in browser. The sign-in cookie names its session, and a
-- cookie whose session has ended (sign-out, new credentials, lockout, role change) no longer counts.

CREATE TABLE "UserSessions" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    "EndReason" character varying(32),
    "IpAddress" character varying(64),
    "UserAgent" character varying(256),
    CONSTRAINT "PK_UserSessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_UserSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_UserSessions_UserId_Active" ON "UserSessions" ("UserId") WHERE "EndedAt" IS NULL;
