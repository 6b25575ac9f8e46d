-- 0017_assessments: assessment against the scheme's published criteria and the four-eyes check (issue 11, points 7
-- and 8). A scheme's framework (scale, four-eyes threshold, "assess without names") and its weighted criteria; one
-- assessment per reviewer and application — a draft of marks (score, n.v.t., need more information) and notes per
-- criterion, feedback, the outcome with its reasons and cuts per cost row — proposed, then decided by an approver or,
-- below the threshold, the reviewer. xmin guards a draft saved twice and an approval racing a send-back. The app role's
-- rights come from AppRoleGrants (ALL TABLES).

CREATE TABLE "AssessmentFrameworks" (
    "SchemeId" integer NOT NULL,
    "ScaleMax" integer NOT NULL,
    "FourEyesThresholdCents" bigint NOT NULL,
    "AssessWithoutNames" boolean NOT NULL,
    CONSTRAINT "PK_AssessmentFrameworks" PRIMARY KEY ("SchemeId"),
    CONSTRAINT "FK_AssessmentFrameworks_Schemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "Schemes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AssessmentCriteria" (
    "SchemeId" integer NOT NULL,
    "Key" character varying(64) NOT NULL,
    "Weight" integer NOT NULL,
    "Position" integer NOT NULL,
    CONSTRAINT "PK_AssessmentCriteria" PRIMARY KEY ("SchemeId", "Key"),
    CONSTRAINT "FK_AssessmentCriteria_AssessmentFrameworks_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "AssessmentFrameworks" ("SchemeId") ON DELETE CASCADE
);

CREATE TABLE "Assessments" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "AssessorId" uuid NOT NULL,
    "State" character varying(16) NOT NULL,
    "Feedback" character varying(4000),
    "Outcome" character varying(32),
    "ReasonKeys" character varying(500) NOT NULL,
    "ReasonText" character varying(4000),
    "ApplicantHeard" boolean NOT NULL,
    "GrantAmountCents" bigint,
    "NeedsApproval" boolean NOT NULL,
    "ProposedAt" timestamp with time zone,
    "DecidedBy" uuid,
    "DecidedAt" timestamp with time zone,
    "SentBackNote" character varying(2000),
    "SentBackBy" uuid,
    "SentBackAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Assessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Assessments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Assessments_AspNetUsers_AssessorId" FOREIGN KEY ("AssessorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AssessmentScores" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "CriterionKey" character varying(64) NOT NULL,
    "Mark" character varying(24),
    "Value" integer,
    "Note" character varying(2000),
    CONSTRAINT "PK_AssessmentScores" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AssessmentScores_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AssessmentCuts" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "BudgetLineId" uuid NOT NULL,
    "AmountCents" bigint NOT NULL,
    "Reason" character varying(500),
    CONSTRAINT "PK_AssessmentCuts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AssessmentCuts_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AssessmentCuts_BudgetLines_BudgetLineId" FOREIGN KEY ("BudgetLineId") REFERENCES "BudgetLines" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AssessmentCuts_AssessmentId" ON "AssessmentCuts" ("AssessmentId");

CREATE INDEX "IX_AssessmentCuts_BudgetLineId" ON "AssessmentCuts" ("BudgetLineId");

CREATE UNIQUE INDEX "IX_Assessments_ApplicationId_AssessorId" ON "Assessments" ("ApplicationId", "AssessorId");

CREATE INDEX "IX_Assessments_AssessorId" ON "Assessments" ("AssessorId");

CREATE INDEX "IX_Assessments_State_ProposedAt" ON "Assessments" ("State", "ProposedAt");

CREATE UNIQUE INDEX "IX_AssessmentScores_AssessmentId_CriterionKey" ON "AssessmentScores" ("AssessmentId", "CriterionKey");
