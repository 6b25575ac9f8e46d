-- Dispatch of decisions under the Wmebv (issue 12, point 3). Each answer to "may decisions on your subsidy applications
-- reach you by email?" is a row of its own (when, where it was asked, by whom); the latest counts, so a withdrawal works for
-- every later message and the history stays. Each decision has one dispatch: the emails that carry it, or the letter staff
-- post (because nobody agreed to email, or the email failed), with the day it was posted.
CREATE TABLE "ElectronicContactConsents" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "MessageKind" character varying(32) NOT NULL,
    "Consents" boolean NOT NULL,
    "AskedAt" character varying(16) NOT NULL,
    "ApplicationId" uuid,
    "RecordedBy" uuid,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ElectronicContactConsents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ElectronicContactConsents_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ElectronicContactConsents_UserId_RecordedAt" ON "ElectronicContactConsents" ("UserId", "RecordedAt");

CREATE TABLE "DecisionDispatches" (
    "Id" uuid NOT NULL,
    "DecisionId" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Route" character varying(8) NOT NULL,
    "EmailMessageIds" uuid[] NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "PostReason" character varying(16),
    "PostTaskSince" timestamp with time zone,
    "PostedOn" date,
    "PostedBy" uuid,
    "PostedRecordedAt" timestamp with time zone,
    CONSTRAINT "PK_DecisionDispatches" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DecisionDispatches_Decisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "Decisions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DecisionDispatches_DecisionId" ON "DecisionDispatches" ("DecisionId");

-- The staff list of letters to post.
CREATE INDEX "IX_DecisionDispatches_PostTaskSince" ON "DecisionDispatches" ("PostTaskSince") WHERE "PostTaskSince" IS NOT NULL AND "PostedOn" IS NULL;
