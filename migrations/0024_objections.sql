-- Objections (bezwaar, art. 6:4 ff Awb) to a decision, made online by a member of the group or a coach allowed to edit: one
-- per decision version, with the day received, the last day it was on time and whether it came late (art. 6:11: staff
-- judge the lateness). Files sent with an objection are attachments marked with it (same checks, same storage).
CREATE TABLE "Objections" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "DecisionId" uuid NOT NULL,
    "DecisionNumber" integer NOT NULL,
    "Text" character varying(8000) NOT NULL,
    "LodgedBy" uuid NOT NULL,
    "LodgedAs" character varying(16) NOT NULL,
    "LodgedAt" timestamp with time zone NOT NULL,
    "ReceivedOn" date NOT NULL,
    "LastDay" date NOT NULL,
    "IsLate" boolean NOT NULL,
    "DecisionReopenedAt" timestamp with time zone,
    CONSTRAINT "PK_Objections" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Objections_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Objections_Decisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "Decisions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Objections_DecisionId" ON "Objections" ("DecisionId");
CREATE INDEX "IX_Objections_ApplicationId" ON "Objections" ("ApplicationId");
CREATE INDEX "IX_Objections_Open_LodgedAt" ON "Objections" ("LodgedAt") WHERE "DecisionReopenedAt" IS NULL;

ALTER TABLE "Attachments" ADD "ObjectionId" uuid;
ALTER TABLE "Attachments" ADD CONSTRAINT "FK_Attachments_Objections_ObjectionId"
    FOREIGN KEY ("ObjectionId") REFERENCES "Objections" ("Id") ON DELETE CASCADE;
CREATE INDEX "IX_Attachments_ObjectionId" ON "Attachments" ("ObjectionId");
