-- Decisions (besluiten) on applications, every version kept: a reopened decision stays readable beside the next one.
-- The decision record keeps the decision date, the sending date and channel (Wmebv), the last day to object, and when the
-- applicant first opened it; a verlening its activity end date and the day its vaststelling is due.
ALTER TABLE "Schemes" ADD "DirectVaststellingUpToCents" bigint NOT NULL DEFAULT 500000;

CREATE TABLE "Decisions" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "AssessmentId" uuid,
    "Number" integer NOT NULL,
    "Kind" character varying(24) NOT NULL,
    "Outcome" character varying(24) NOT NULL,
    "AmountCents" bigint,
    "RequestedCents" bigint NOT NULL,
    "DecidedBy" uuid,
    "DecidedAt" timestamp with time zone NOT NULL,
    "DecidedOn" date NOT NULL,
    "ReasonKeys" character varying(512) NOT NULL,
    "ReasonText" character varying(4000),
    "Feedback" character varying(4000),
    "Suggestions" character varying(4000),
    "ObligationKeys" character varying(512) NOT NULL,
    "ActivityEndsOn" date,
    "VaststellingDueOn" date,
    "ApplicationSnapshot" jsonb NOT NULL,
    "Channel" character varying(8),
    "SentAt" timestamp with time zone,
    "ObjectionLastDay" date,
    "FirstOpenedAt" timestamp with time zone,
    "ReopenedAt" timestamp with time zone,
    "ReopenedBy" uuid,
    "ReopenReason" character varying(2000),
    CONSTRAINT "PK_Decisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Decisions_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Decisions_ApplicationId_Number" ON "Decisions" ("ApplicationId", "Number");
