-- The applicant's notice of default (ingebrekestelling, art. 4:17 Awb), at most one per application: the unique index
-- makes a second one (two clicks, two members at once) fail in the database as well as in the domain.
CREATE TABLE "DefaultNotices" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Statement" character varying(2000),
    "SentBy" uuid,
    "ReceivedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DefaultNotices" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DefaultNotices_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DefaultNotices_ApplicationId" ON "DefaultNotices" ("ApplicationId");
