-- 0003_applications: schemes, organisations with members, applications with budget lines, attachments (their bytes
-- in a table of their own), timeline events, ease-of-use feedback, and the sequence behind reference numbers.

CREATE SEQUENCE "ApplicationReferenceNumbers" START WITH 1 INCREMENT BY 1 NO CYCLE;
CREATE TABLE "Organisations" (
    "Id" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "HowOrganised" character varying(2000),
    "Neighbourhood" character varying(100),
    "ContactName" character varying(200),
    "ContactPhone" character varying(40),
    "KvkNumber" character varying(8),
    "FirstApplication" boolean,
    "PaymentRoute" character varying(32),
    "Iban" character varying(34),
    "AccountHolder" character varying(200),
    "HostName" character varying(200),
    "HostContactName" character varying(200),
    "HostEmail" character varying(320),
    "HostAgreementConfirmed" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Organisations" PRIMARY KEY ("Id")
);

CREATE TABLE "Schemes" (
    "Id" integer GENERATED ALWAYS AS IDENTITY,
    "Slug" character varying(64) NOT NULL,
    "MinimumCents" bigint NOT NULL,
    "MaximumCents" bigint NOT NULL,
    "NoDocumentsUpToCents" bigint NOT NULL,
    "ClosesOn" date NOT NULL,
    "DecisionWeeks" integer NOT NULL,
    "InformalGroupsWelcome" boolean NOT NULL,
    "BudgetCeilingCents" bigint NOT NULL,
    CONSTRAINT "PK_Schemes" PRIMARY KEY ("Id")
);

CREATE TABLE "OrganisationMembers" (
    "OrganisationId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "JoinedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_OrganisationMembers" PRIMARY KEY ("OrganisationId", "UserId"),
    CONSTRAINT "FK_OrganisationMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OrganisationMembers_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Applications" (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "SchemeId" integer NOT NULL,
    "Status" character varying(32) NOT NULL,
    "Reference" character varying(16),
    "AnswerLanguage" character varying(8) NOT NULL,
    "Title" character varying(200),
    "Description" character varying(4000),
    "ForWhom" character varying(2000),
    "ParticipantCount" integer,
    "Neighbourhood" character varying(100),
    "StartsOn" date,
    "EndsOn" date,
    "HowOthersJoin" character varying(2000),
    "OwnContributionCents" bigint NOT NULL,
    "OtherFundingCents" bigint NOT NULL,
    "DeclarationAccepted" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "DraftReminderSentAt" timestamp with time zone,
    CONSTRAINT "PK_Applications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Applications_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Schemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "Schemes" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ApplicationEvents" (
    "Id" bigint GENERATED ALWAYS AS IDENTITY,
    "ApplicationId" uuid NOT NULL,
    "Status" character varying(32) NOT NULL,
    "ByUserId" uuid NOT NULL,
    "OccurredAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ApplicationEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApplicationEvents_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Attachments" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "FileName" character varying(255) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    "UploadedBy" uuid NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Attachments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Attachments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BudgetLines" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Category" character varying(32) NOT NULL,
    "Description" character varying(200),
    "AmountCents" bigint NOT NULL,
    "Position" integer NOT NULL,
    CONSTRAINT "PK_BudgetLines" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BudgetLines_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EaseFeedback" (
    "Id" bigint GENERATED ALWAYS AS IDENTITY,
    "ApplicationId" uuid NOT NULL,
    "Score" integer NOT NULL,
    "Comment" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EaseFeedback" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EaseFeedback_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AttachmentFiles" (
    "AttachmentId" uuid NOT NULL,
    "Content" bytea NOT NULL,
    CONSTRAINT "PK_AttachmentFiles" PRIMARY KEY ("AttachmentId"),
    CONSTRAINT "FK_AttachmentFiles_Attachments_AttachmentId" FOREIGN KEY ("AttachmentId") REFERENCES "Attachments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ApplicationEvents_ApplicationId" ON "ApplicationEvents" ("ApplicationId");
CREATE INDEX "IX_Applications_OrganisationId_UpdatedAt" ON "Applications" ("OrganisationId", "UpdatedAt");
CREATE UNIQUE INDEX "IX_Applications_Reference" ON "Applications" ("Reference");
CREATE INDEX "IX_Applications_SchemeId" ON "Applications" ("SchemeId");
CREATE INDEX "IX_Attachments_ApplicationId" ON "Attachments" ("ApplicationId");
CREATE INDEX "IX_BudgetLines_ApplicationId" ON "BudgetLines" ("ApplicationId");
CREATE UNIQUE INDEX "IX_EaseFeedback_ApplicationId" ON "EaseFeedback" ("ApplicationId");
CREATE INDEX "IX_OrganisationMembers_UserId" ON "OrganisationMembers" ("UserId");
CREATE UNIQUE INDEX "IX_Schemes_Slug" ON "Schemes" ("Slug");
