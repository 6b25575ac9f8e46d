-- Issue 12, point 6: the light report that settles a verlening, and its vaststelling. The group reports once per
-- verlening (one photo at most, its bytes in a table of their own, like an attachment's); the reminders to report are
-- rows keyed by verlening and kind, added in the same transaction as their mail, so none goes out twice. A vaststelling
-- names the verlening it settles and, when lower, its ground of art. 4:46(2) Awb; a verlening has at most one standing
-- vaststelling.
ALTER TABLE "Decisions" ADD "SettlesDecisionId" uuid;
ALTER TABLE "Decisions" ADD "SettlementGround" character varying(24);
CREATE UNIQUE INDEX "IX_Decisions_SettlesDecisionId" ON "Decisions" ("SettlesDecisionId")
    WHERE "SettlesDecisionId" IS NOT NULL AND "ReopenedAt" IS NULL;

CREATE TABLE "ActivityReports" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "DecisionId" uuid NOT NULL,
    "Happened" character varying(8) NOT NULL,
    "PeopleCount" integer,
    "WentWell" character varying(2000) NOT NULL,
    "Story" character varying(2000),
    "PhotoFileName" character varying(255),
    "PhotoContentType" character varying(100),
    "PhotoSizeBytes" bigint,
    "MayShare" boolean NOT NULL,
    "ActualCostCents" bigint,
    "SubmittedBy" uuid NOT NULL,
    "SubmittedRole" character varying(16) NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ActivityReports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ActivityReports_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ActivityReports_Decisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "Decisions" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_ActivityReports_ApplicationId" ON "ActivityReports" ("ApplicationId");
CREATE UNIQUE INDEX "IX_ActivityReports_DecisionId" ON "ActivityReports" ("DecisionId");

CREATE TABLE "ActivityReportPhotos" (
    "ReportId" uuid NOT NULL,
    "Content" bytea NOT NULL,
    CONSTRAINT "PK_ActivityReportPhotos" PRIMARY KEY ("ReportId"),
    CONSTRAINT "FK_ActivityReportPhotos_ActivityReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "ActivityReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReportReminders" (
    "DecisionId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ReportReminders" PRIMARY KEY ("DecisionId", "Kind"),
    CONSTRAINT "FK_ReportReminders_Decisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "Decisions" ("Id") ON DELETE CASCADE
);

-- The vaststelling task list reads the standing verleningen by the day their vaststelling is due.
CREATE INDEX "IX_Decisions_Kind_VaststellingDueOn" ON "Decisions" ("Kind", "VaststellingDueOn") WHERE "VaststellingDueOn" IS NOT NULL;
