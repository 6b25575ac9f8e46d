-- 0015_review_inbox: the reviewers' inbox, assignment and conflict-of-interest declarations (issue 11, points 1 and 3).
-- "ReviewCases" holds one row per application that has been sent in (never a draft): who has it and, kept in step with
-- the application by the domain event recorder in the same transaction, what the inbox filters and sorts on (state,
-- scheme, neighbourhood, amount, legal and service-target dates), so the list is an index range scan in keyset pages.
-- "InterestDeclarations": each reviewer's declaration on an application (Awb 2:4), one per reviewer and application.
-- "ReviewerSettings": how often a reviewer is emailed, and when they last opened the inbox ("new since I last looked").

CREATE TABLE "ReviewerSettings" (
    "UserId" uuid NOT NULL,
    "EmailFrequency" character varying(16) NOT NULL,
    "InboxOpenedAt" timestamp with time zone,
    "InboxOpenedBefore" timestamp with time zone,
    CONSTRAINT "PK_ReviewerSettings" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_ReviewerSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewCases" (
    "ApplicationId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "SchemeId" integer NOT NULL,
    "Reference" character varying(16) NOT NULL,
    "Status" character varying(32) NOT NULL,
    "Neighbourhood" character varying(100),
    "RequestedCents" bigint NOT NULL,
    "FirstApplication" boolean NOT NULL,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "LegalDate" date NOT NULL,
    "ServiceTargetDate" date NOT NULL,
    "TermAsOf" date NOT NULL,
    "ReviewerId" uuid,
    "AssignedAt" timestamp with time zone,
    "HandOverNote" character varying(2000),
    CONSTRAINT "PK_ReviewCases" PRIMARY KEY ("ApplicationId"),
    CONSTRAINT "FK_ReviewCases_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReviewCases_AspNetUsers_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ReviewCases_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReviewCases_Schemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "Schemes" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InterestDeclarations" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "ReviewerId" uuid NOT NULL,
    "HasConflict" boolean NOT NULL,
    "Explanation" character varying(2000),
    "DeclaredAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_InterestDeclarations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_InterestDeclarations_AspNetUsers_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_InterestDeclarations_ReviewCases_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "ReviewCases" ("ApplicationId") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_InterestDeclarations_ApplicationId_ReviewerId" ON "InterestDeclarations" ("ApplicationId", "ReviewerId");
CREATE INDEX "IX_InterestDeclarations_DeclaredAt" ON "InterestDeclarations" ("DeclaredAt");
CREATE INDEX "IX_InterestDeclarations_ReviewerId" ON "InterestDeclarations" ("ReviewerId");
CREATE INDEX "IX_ReviewCases_LegalDate_Reference" ON "ReviewCases" ("LegalDate", "Reference");
CREATE INDEX "IX_ReviewCases_OrganisationId" ON "ReviewCases" ("OrganisationId");
CREATE INDEX "IX_ReviewCases_ReviewerId_LegalDate_Reference" ON "ReviewCases" ("ReviewerId", "LegalDate", "Reference");
CREATE INDEX "IX_ReviewCases_SchemeId_LegalDate_Reference" ON "ReviewCases" ("SchemeId", "LegalDate", "Reference");
CREATE INDEX "IX_ReviewCases_Status_LegalDate_Reference" ON "ReviewCases" ("Status", "LegalDate", "Reference");

-- Applications sent in before this migration: their rows, with the plain term (receipt + the scheme's weeks, moved past a
-- weekend; no suspensions, no holidays). The next change of state or term recomputes them exactly.
INSERT INTO "ReviewCases" ("ApplicationId", "OrganisationId", "SchemeId", "Reference", "Status", "Neighbourhood", "RequestedCents",
    "FirstApplication", "ReceivedAt", "LegalDate", "ServiceTargetDate", "TermAsOf")
SELECT a."Id", a."OrganisationId", a."SchemeId", a."Reference", a."Status", a."Neighbourhood",
    GREATEST(COALESCE((SELECT SUM(b."AmountCents") FROM "BudgetLines" b WHERE b."ApplicationId" = a."Id"), 0)
        - a."OwnContributionCents" - a."OtherFundingCents", 0),
    COALESCE(o."FirstApplication", TRUE) AND NOT EXISTS (SELECT 1 FROM "Applications" e WHERE e."OrganisationId" = a."OrganisationId"
        AND e."Id" <> a."Id" AND e."SubmittedAt" < a."SubmittedAt"),
    a."SubmittedAt",
    d.legal + CASE EXTRACT(ISODOW FROM d.legal) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END,
    d.service + CASE EXTRACT(ISODOW FROM d.service) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END,
    CURRENT_DATE
FROM "Applications" a
JOIN "Organisations" o ON o."Id" = a."OrganisationId"
JOIN "Schemes" s ON s."Id" = a."SchemeId"
CROSS JOIN LATERAL (SELECT (timezone('Europe/Amsterdam', a."SubmittedAt"))::date + 7 * s."DecisionWeeks" AS legal,
    (timezone('Europe/Amsterdam', a."SubmittedAt"))::date + 7 * s."ServiceTargetWeeks" AS service) d
WHERE a."SubmittedAt" IS NOT NULL AND a."Reference" IS NOT NULL;
