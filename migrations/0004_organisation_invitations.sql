-- 0004_organisation_invitations: a member invites a co-applicant by email. Only the SHA-256 hash of the token is
-- stored; an invitation is used once and expires after 14 days.

CREATE TABLE "OrganisationInvitations" (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Email" character varying(320) NOT NULL,
    "TokenHash" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "AcceptedAt" timestamp with time zone,
    "AcceptedBy" uuid,
    CONSTRAINT "PK_OrganisationInvitations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_OrganisationInvitations_AspNetUsers_AcceptedBy" FOREIGN KEY ("AcceptedBy") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_OrganisationInvitations_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OrganisationInvitations_AcceptedBy" ON "OrganisationInvitations" ("AcceptedBy");
CREATE INDEX "IX_OrganisationInvitations_OrganisationId" ON "OrganisationInvitations" ("OrganisationId");
CREATE UNIQUE INDEX "IX_OrganisationInvitations_TokenHash" ON "OrganisationInvitations" ("TokenHash");
