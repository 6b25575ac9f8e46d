-- 0012_coaches: coaches, their organisations and how requests reach them (issue 10). A coach's profile (languages,
-- neighbourhoods, walk-in hours, how the people they help reach them) under a coaching organisation whose lead sees its
-- caseload; each request's offers to coaches (routing: fixed coach, matching coaches, everyone) with the time each coach
-- was emailed (bundled within 10 minutes); private notes; escalation and the overdue reminder; the group's fixed coach.

CREATE TABLE "CoachingOrganisations" (
    "Id" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Kind" character varying(24) NOT NULL,
    CONSTRAINT "PK_CoachingOrganisations" PRIMARY KEY ("Id")
);

CREATE TABLE "CoachProfiles" (
    "UserId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "CoachingOrganisationId" uuid NOT NULL,
    "IsLead" boolean NOT NULL,
    "Languages" text[] NOT NULL,
    "Neighbourhoods" text[] NOT NULL,
    "Gender" character varying(16) NOT NULL,
    "Phone" character varying(16),
    "WhatsApp" character varying(16),
    "Email" character varying(254),
    "Introduction" character varying(600),
    "LastNotifiedAt" timestamp with time zone,
    "WalkIns" jsonb,
    CONSTRAINT "PK_CoachProfiles" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_CoachProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CoachProfiles_CoachingOrganisations_CoachingOrganisationId" FOREIGN KEY ("CoachingOrganisationId") REFERENCES "CoachingOrganisations" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CoachProfiles_CoachingOrganisationId" ON "CoachProfiles" ("CoachingOrganisationId");

CREATE TABLE "HelpRequestOffers" (
    "Id" uuid NOT NULL,
    "HelpRequestId" uuid NOT NULL,
    "CoachId" uuid NOT NULL,
    "Reason" character varying(16) NOT NULL,
    "OfferedAt" timestamp with time zone NOT NULL,
    "NotifiedAt" timestamp with time zone,
    CONSTRAINT "PK_HelpRequestOffers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_HelpRequestOffers_AspNetUsers_CoachId" FOREIGN KEY ("CoachId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_HelpRequestOffers_HelpRequests_HelpRequestId" FOREIGN KEY ("HelpRequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_HelpRequestOffers_CoachId_NotifiedAt" ON "HelpRequestOffers" ("CoachId", "NotifiedAt");
CREATE UNIQUE INDEX "IX_HelpRequestOffers_HelpRequestId_CoachId" ON "HelpRequestOffers" ("HelpRequestId", "CoachId");

CREATE TABLE "HelpRequestNotes" (
    "Id" uuid NOT NULL,
    "HelpRequestId" uuid NOT NULL,
    "CoachId" uuid NOT NULL,
    "Text" character varying(2000) NOT NULL,
    "WrittenAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_HelpRequestNotes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_HelpRequestNotes_HelpRequests_HelpRequestId" FOREIGN KEY ("HelpRequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_HelpRequestNotes_HelpRequestId" ON "HelpRequestNotes" ("HelpRequestId");

ALTER TABLE "HelpRequests"
    ADD COLUMN "OrganisationId" uuid,
    ADD COLUMN "Neighbourhood" character varying(100),
    ADD COLUMN "EscalatedAt" timestamp with time zone,
    ADD COLUMN "OverdueRemindedAt" timestamp with time zone;

CREATE INDEX "IX_HelpRequests_OrganisationId" ON "HelpRequests" ("OrganisationId");

ALTER TABLE "Organisations"
    ADD COLUMN "FixedCoachId" uuid,
    ADD COLUMN "ReplacedCoachId" uuid,
    ADD CONSTRAINT "FK_Organisations_AspNetUsers_FixedCoachId" FOREIGN KEY ("FixedCoachId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL;

CREATE INDEX "IX_Organisations_FixedCoachId" ON "Organisations" ("FixedCoachId");
