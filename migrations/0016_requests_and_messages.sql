-- 0016_requests_and_messages: completeness requests and questions in the reviewer's words, answered in the portal with
-- text and files, one reminder before the term ends (issue 11, point 5); one message thread per application with
-- reviewer-internal notes (point 6). See docs/decisions/0015-requests-and-messages.md.

ALTER TABLE "InformationRequests" ADD "Text" character varying(4000);
ALTER TABLE "InformationRequests" ADD "AnswerText" character varying(4000);
ALTER TABLE "InformationRequests" ADD "AnsweredBy" uuid;
ALTER TABLE "InformationRequests" ADD "ReminderSentAt" timestamp with time zone;

-- The worker looks for open completeness terms every minute: only the open ones are indexed.
CREATE INDEX "IX_InformationRequests_Open_RespondBy" ON "InformationRequests" ("RespondBy")
    WHERE "AnsweredAt" IS NULL AND "LapsedAt" IS NULL AND "RespondBy" IS NOT NULL;

-- A file sent with the answer to a request is an attachment of the application that names the request.
ALTER TABLE "Attachments" ADD "InformationRequestId" uuid;
ALTER TABLE "Attachments" ADD CONSTRAINT "FK_Attachments_InformationRequests_InformationRequestId"
    FOREIGN KEY ("InformationRequestId") REFERENCES "InformationRequests" ("Id") ON DELETE CASCADE;
CREATE INDEX "IX_Attachments_InformationRequestId" ON "Attachments" ("InformationRequestId");

CREATE TABLE "ApplicationMessages" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "IsInternal" boolean NOT NULL,
    "AuthorId" uuid NOT NULL,
    "AuthorRole" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ApplicationMessages" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApplicationMessages_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ApplicationMessages_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ApplicationMessages_ApplicationId_CreatedAt" ON "ApplicationMessages" ("ApplicationId", "CreatedAt");
CREATE INDEX "IX_ApplicationMessages_AuthorId" ON "ApplicationMessages" ("AuthorId");
