-- 0010_decision_terms: the facts the Awb decision term is computed from (issue 8 §4) — information requests (a completeness
-- request with a term suspends the term, a question does not), the applicant's written consent to a delay, and extensions
-- with the date their notice named — plus each scheme's service-target weeks (the municipality's own, shorter promise),
-- the outcome a reviewer proposes, and timeline steps made by the portal itself (no user).

ALTER TABLE "Schemes" ADD COLUMN "ServiceTargetWeeks" integer NOT NULL DEFAULT 0;
-- Schemes made before promised nothing shorter than the legal term.
UPDATE "Schemes" SET "ServiceTargetWeeks" = "DecisionWeeks";
ALTER TABLE "Schemes" ALTER COLUMN "ServiceTargetWeeks" DROP DEFAULT;

ALTER TABLE "Applications" ADD COLUMN "ProposedOutcome" character varying(32);
ALTER TABLE "ApplicationEvents" ALTER COLUMN "ByUserId" DROP NOT NULL;

CREATE TABLE "InformationRequests" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "AboutKey" character varying(64),
    "RespondBy" date,
    "SentBy" uuid,
    "SentAt" timestamp with time zone NOT NULL,
    "AnsweredAt" timestamp with time zone,
    "LapsedAt" timestamp with time zone,
    CONSTRAINT "PK_InformationRequests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_InformationRequests_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DelayConsents" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "GivenOn" date NOT NULL,
    "Until" date NOT NULL,
    "Statement" character varying(500) NOT NULL,
    "RecordedBy" uuid,
    "RecordedAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    CONSTRAINT "PK_DelayConsents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DelayConsents_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TermExtensions" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "NewDate" date NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "ExtendedBy" uuid,
    "NoticeSentAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_TermExtensions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TermExtensions_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_InformationRequests_ApplicationId" ON "InformationRequests" ("ApplicationId");
CREATE INDEX "IX_DelayConsents_ApplicationId" ON "DelayConsents" ("ApplicationId");
CREATE INDEX "IX_TermExtensions_ApplicationId" ON "TermExtensions" ("ApplicationId");
