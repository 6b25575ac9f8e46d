-- 0012_coach_grants: a member's consent for a coach to look at (and maybe fill in) one application. The access check
-- (ApplicationAccess) turns an active grant into the capabilities of CoachView or CoachEdit; a revoked one counts no more.

CREATE TABLE "CoachGrants" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "CoachId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "GrantedBy" uuid NOT NULL,
    "GrantedAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    "RevokedBy" uuid,
    CONSTRAINT "PK_CoachGrants" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CoachGrants_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CoachGrants_AspNetUsers_CoachId" FOREIGN KEY ("CoachId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CoachGrants_Active" ON "CoachGrants" ("ApplicationId", "CoachId") WHERE "RevokedAt" IS NULL;
CREATE INDEX "IX_CoachGrants_CoachId" ON "CoachGrants" ("CoachId");
