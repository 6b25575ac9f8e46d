-- Issue 12, point 7: payment batches of granted decisions for the finance department (a SEPA credit transfer file,
-- pain.001.001.03). Each decision is paid in at most one batch (unique index), whoever makes batches at the same moment;
-- each payment keeps what was ordered (creditor, IBAN, amount, EndToEndId, remittance line). A group paid through a host
-- organisation gets the host's IBAN.
-- Issue 12, point 8: a return with suggestions points each suggestion at its question (JSON of question key and text), on
-- the reviewer's draft and on the application the applicant improves.
ALTER TABLE "Organisations" ADD "HostIban" character varying(34);

ALTER TABLE "Applications" ADD "QuestionSuggestions" jsonb NOT NULL DEFAULT '{}';
ALTER TABLE "Applications" ALTER COLUMN "QuestionSuggestions" DROP DEFAULT;
ALTER TABLE "Assessments" ADD "QuestionSuggestions" jsonb NOT NULL DEFAULT '{}';
ALTER TABLE "Assessments" ALTER COLUMN "QuestionSuggestions" DROP DEFAULT;

CREATE TABLE "PaymentBatches" (
    "Id" uuid NOT NULL,
    "Number" integer NOT NULL,
    "MessageId" character varying(35) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid NOT NULL,
    "ExecutionDate" date NOT NULL,
    "DebtorName" character varying(70) NOT NULL,
    "DebtorIban" character varying(34) NOT NULL,
    "DebtorBic" character varying(11) NOT NULL,
    "TotalCents" bigint NOT NULL,
    "FirstDownloadedAt" timestamp with time zone,
    CONSTRAINT "PK_PaymentBatches" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_PaymentBatches_MessageId" ON "PaymentBatches" ("MessageId");
CREATE UNIQUE INDEX "IX_PaymentBatches_Number" ON "PaymentBatches" ("Number");

CREATE TABLE "Payments" (
    "Id" uuid NOT NULL,
    "BatchId" uuid NOT NULL,
    "DecisionId" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Reference" character varying(16) NOT NULL,
    "AmountCents" bigint NOT NULL,
    "CreditorName" character varying(70) NOT NULL,
    "CreditorIban" character varying(34) NOT NULL,
    "ViaHost" boolean NOT NULL,
    "EndToEndId" character varying(35) NOT NULL,
    "RemittanceInformation" character varying(140) NOT NULL,
    CONSTRAINT "PK_Payments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Payments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_Decisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "Decisions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_PaymentBatches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "PaymentBatches" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Payments_ApplicationId" ON "Payments" ("ApplicationId");
CREATE INDEX "IX_Payments_BatchId" ON "Payments" ("BatchId");
CREATE UNIQUE INDEX "IX_Payments_DecisionId" ON "Payments" ("DecisionId");
