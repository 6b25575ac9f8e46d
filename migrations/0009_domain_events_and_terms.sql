-- 0009_domain_events_and_terms (issue 8 §3 and §4).
--
-- 1. Every audit row can name what it is about and where it came from (BIO): the role the actor acted in, the object
--    (an application or an organisation, by id), the result, and the client's user agent beside its IP address. Rows
--    written before keep NULL there: the trail is append-only, so history is not rewritten. Adding nullable columns
--    rewrites no row, so the append-only trigger does not fire; the app role still may only INSERT and SELECT
--    (Data/AppRoleGrants).
-- 2. No application changes state without its audit row in the same transaction: a deferred constraint trigger checks,
--    at commit, that the row the verb's domain event became (Infrastructure/Events/DomainEventRecorder) is there. The
--    portal's interceptor refuses such a save first; this is the database's own guarantee, also against a path around it.
-- 3. The facts the Awb decision term is computed from: information requests (a completeness request with a term
--    suspends the term, a question does not), the applicant's written consent to a delay, and extensions with the date
--    their notice named; each scheme's service-target weeks (the municipality's own, shorter promise); the outcome a
--    reviewer proposes with any suggestions; timeline steps made by the portal itself (no user).

-- 1. Audit rows name their object.
ALTER TABLE "AuditEvents"
    ADD COLUMN "ActorRole" character varying(16),
    ADD COLUMN "ObjectType" character varying(32),
    ADD COLUMN "ObjectId" uuid,
    ADD COLUMN "Result" character varying(16),
    ADD COLUMN "UserAgent" character varying(512),
    -- The (top-level) transaction that wrote the row; older rows have none.
    ADD COLUMN "TransactionId" bigint;
ALTER TABLE "AuditEvents" ALTER COLUMN "TransactionId" SET DEFAULT txid_current();

-- The timeline of one application or organisation (reviewers, issue 11).
CREATE INDEX "IX_AuditEvents_ObjectType_ObjectId_OccurredAt" ON "AuditEvents" ("ObjectType", "ObjectId", "OccurredAt");

-- 2. A state change without its audit row cannot be committed. A new application needs "application.started", a change
--    of "Status" needs "application.<new state in kebab case>" (as ApplicationStatusChanged.Action names it), written
--    for this application in this transaction.
CREATE FUNCTION application_state_changes_are_audited() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW."Status" IS NOT DISTINCT FROM OLD."Status" THEN
        RETURN NULL;
    END IF;
    wanted := CASE WHEN TG_OP = 'INSERT' THEN 'application.started'
        ELSE 'application.' || lower(regexp_replace(NEW."Status", '([a-z])([A-Z])', '\1-\2', 'g')) END;
    IF NOT EXISTS (
        SELECT 1 FROM "AuditEvents"
        WHERE "ObjectType" = 'application' AND "ObjectId" = NEW."Id" AND "Kind" = wanted AND "TransactionId" = txid_current()
    ) THEN
        RAISE EXCEPTION 'Application % became % without the audit row "%": a state change goes through a verb of the domain', NEW."Id", NEW."Status", wanted
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Applications_state_changes_are_audited"
    AFTER INSERT OR UPDATE OF "Status" ON "Applications"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION application_state_changes_are_audited();

-- 3. The decision term, the proposal and the portal as an actor.
ALTER TABLE "Schemes" ADD COLUMN "ServiceTargetWeeks" integer NOT NULL DEFAULT 0;
-- Schemes made before promised nothing shorter than the legal term.
UPDATE "Schemes" SET "ServiceTargetWeeks" = "DecisionWeeks";
ALTER TABLE "Schemes" ALTER COLUMN "ServiceTargetWeeks" DROP DEFAULT;

ALTER TABLE "Applications"
    ADD COLUMN "ProposedOutcome" character varying(32),
    ADD COLUMN "Suggestions" character varying(4000);
ALTER TABLE "ApplicationEvents" ALTER COLUMN "ByUserId" DROP NOT NULL;

CREATE TABLE "InformationRequests" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "AboutKey" character varying(64),
    "RespondBy" date,
    "SentBy" uuid,
    "SentAt" timestamp with time zone NOT NULL,
    "AnsweredAt" timestamp with time zone,
    "LapsedAt" timestamp with time zone,
    CONSTRAINT "PK_InformationRequests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_InformationRequests_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DelayConsents" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "GivenOn" date NOT NULL,
    "Until" date NOT NULL,
    "Statement" character varying(500) NOT NULL,
    "RecordedBy" uuid,
    "RecordedAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    CONSTRAINT "PK_DelayConsents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DelayConsents_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TermExtensions" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "NewDate" date NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "ExtendedBy" uuid,
    "NoticeSentAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_TermExtensions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TermExtensions_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_InformationRequests_ApplicationId" ON "InformationRequests" ("ApplicationId");
CREATE INDEX "IX_DelayConsents_ApplicationId" ON "DelayConsents" ("ApplicationId");
CREATE INDEX "IX_TermExtensions_ApplicationId" ON "TermExtensions" ("ApplicationId");
