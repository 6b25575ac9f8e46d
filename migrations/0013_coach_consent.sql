-- 0013_coach_consent: what a coach the members let in does with an application (issue 10, points 7, 8, 10).
-- CoachGrants remembers when a coach's looking was last written to the audit trail, so a visit of many pages is one row
-- an hour, not one per request. A coach's remark stands at a question or a section, with the applicant's replies, until a
-- member marks it done; it is never deleted, so it stays in the application's history. A coach's Dutch summary of an
-- answer written in another language is one per question. xmin guards both against two saves at once.

ALTER TABLE "CoachGrants" ADD "ViewRecordedAt" timestamp with time zone;

CREATE TABLE "QuestionComments" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "About" character varying(64) NOT NULL,
    "Text" character varying(2000) NOT NULL,
    "AuthorId" uuid NOT NULL,
    "AuthorRole" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DoneAt" timestamp with time zone,
    "DoneBy" uuid,
    CONSTRAINT "PK_QuestionComments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_QuestionComments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_QuestionComments_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_QuestionComments_ApplicationId_CreatedAt" ON "QuestionComments" ("ApplicationId", "CreatedAt");
CREATE INDEX "IX_QuestionComments_AuthorId" ON "QuestionComments" ("AuthorId");

CREATE TABLE "CommentReplies" (
    "Id" uuid NOT NULL,
    "CommentId" uuid NOT NULL,
    "Text" character varying(2000) NOT NULL,
    "AuthorId" uuid NOT NULL,
    "AuthorRole" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CommentReplies" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CommentReplies_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CommentReplies_QuestionComments_CommentId" FOREIGN KEY ("CommentId") REFERENCES "QuestionComments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CommentReplies_AuthorId" ON "CommentReplies" ("AuthorId");
CREATE INDEX "IX_CommentReplies_CommentId" ON "CommentReplies" ("CommentId");

CREATE TABLE "AnswerSummaries" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Question" character varying(64) NOT NULL,
    "Text" character varying(2000) NOT NULL,
    "WrittenBy" uuid NOT NULL,
    "WrittenAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AnswerSummaries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AnswerSummaries_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AnswerSummaries_AspNetUsers_WrittenBy" FOREIGN KEY ("WrittenBy") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_AnswerSummaries_ApplicationId_Question" ON "AnswerSummaries" ("ApplicationId", "Question");
CREATE INDEX "IX_AnswerSummaries_WrittenBy" ON "AnswerSummaries" ("WrittenBy");
