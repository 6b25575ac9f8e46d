-- 0011_help_requests: someone asked for a coach (issue 10). Who asked (an account, or a name with a phone number or
-- email address), where from (page, scheme, application, section, question), what about, how and when to reach them,
-- the promised day (two working days), and the coach who claimed it, with contact and outcome. xmin guards the claim:
-- of two coaches claiming at once, the second save is refused.

CREATE TABLE "HelpRequests" (
    "Id" uuid NOT NULL,
    "Topic" character varying(24) NOT NULL,
    "Question" character varying(2000) NOT NULL,
    "Channel" character varying(16) NOT NULL,
    "Language" character varying(8) NOT NULL,
    "ReachableAt" integer NOT NULL,
    "InterpreterNeeded" boolean NOT NULL,
    "CoachGender" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "AnswerBy" date NOT NULL,
    "State" character varying(16) NOT NULL,
    "CoachId" uuid,
    "ClaimedAt" timestamp with time zone,
    "ContactedAt" timestamp with time zone,
    "ContactedBy" character varying(16),
    "ResolvedAt" timestamp with time zone,
    "Outcome" character varying(32),
    "HandoverNote" character varying(2000),
    "OriginApplicationId" uuid,
    "OriginPage" character varying(300) NOT NULL,
    "OriginQuestion" character varying(64),
    "OriginScheme" character varying(64),
    "OriginSection" character varying(64),
    "RequesterEmail" character varying(254),
    "RequesterName" character varying(200) NOT NULL,
    "RequesterPhone" character varying(16),
    "RequesterUserId" uuid,
    CONSTRAINT "PK_HelpRequests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_HelpRequests_AspNetUsers_CoachId" FOREIGN KEY ("CoachId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_HelpRequests_CoachId" ON "HelpRequests" ("CoachId");
CREATE INDEX "IX_HelpRequests_State_CreatedAt" ON "HelpRequests" ("State", "CreatedAt");
