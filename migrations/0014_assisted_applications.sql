-- 0014_assisted_applications: a coach fills in and sends in an application for someone who is not online (issue 10,
-- point 9). The coach works under a CoachGrants row of kind 'Assisting' (no new grant table; see
-- docs/decisions/assisted-applications.md); this table holds what is particular to helping: how consent was given, the
-- signed written authorisation (Awb 2:1(3)), who hears back, and the takeover code (only its hash; 14 days; once).

CREATE TABLE "AssistedApplications" (
    "ApplicationId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "CoachId" uuid NOT NULL,
    "CoachName" character varying(200) NOT NULL,
    "PersonName" character varying(200) NOT NULL,
    "PersonLanguage" character varying(8) NOT NULL,
    "PersonEmail" character varying(320),
    "Consent" character varying(16) NOT NULL,
    "ConsentGivenOn" date NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "AuthorisationFileName" character varying(255),
    "AuthorisationContentType" character varying(100),
    "AuthorisationUploadedAt" timestamp with time zone,
    "UpdatesTo" character varying(16),
    "PersonChannel" character varying(32),
    "SubmittedAt" timestamp with time zone,
    "TakeoverCodeHash" character varying(64),
    "TakeoverCodeExpiresAt" timestamp with time zone,
    "TakenOverAt" timestamp with time zone,
    "TakenOverBy" uuid,
    CONSTRAINT "PK_AssistedApplications" PRIMARY KEY ("ApplicationId"),
    CONSTRAINT "FK_AssistedApplications_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AssistedApplications_AspNetUsers_CoachId" FOREIGN KEY ("CoachId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssistedApplications_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AssistedAuthorisationFiles" (
    "ApplicationId" uuid NOT NULL,
    "Content" bytea NOT NULL,
    CONSTRAINT "PK_AssistedAuthorisationFiles" PRIMARY KEY ("ApplicationId"),
    CONSTRAINT "FK_AssistedAuthorisationFiles_AssistedApplications_Application~" FOREIGN KEY ("ApplicationId") REFERENCES "AssistedApplications" ("ApplicationId") ON DELETE CASCADE
);

CREATE INDEX "IX_AssistedApplications_CoachId" ON "AssistedApplications" ("CoachId");
CREATE INDEX "IX_AssistedApplications_OrganisationId" ON "AssistedApplications" ("OrganisationId");
CREATE UNIQUE INDEX "IX_AssistedApplications_TakeoverCodeHash" ON "AssistedApplications" ("TakeoverCodeHash") WHERE "TakeoverCodeHash" IS NOT NULL;
