-- The PDF of each decision letter as it was sent, kept with the application (issue 12, point 2): the exact document stays
-- on file beside the decision record, whatever texts or layout change later.
CREATE TABLE "DecisionDocuments" (
    "DecisionId" uuid NOT NULL,
    "Content" bytea NOT NULL,
    "SummaryLanguage" character varying(8),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DecisionDocuments" PRIMARY KEY ("DecisionId"),
    CONSTRAINT "FK_DecisionDocuments_Decisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "Decisions" ("Id") ON DELETE CASCADE
);
