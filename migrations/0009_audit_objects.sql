-- 0009_audit_objects: every audit row can name what it is about and where it came from (issue 8 §3, BIO): the role the
-- actor acted in, the object (an application or an organisation, by id), the result, and the client's user agent beside
-- its IP address. Rows written before keep NULL there: the trail is append-only, so history is not rewritten.
-- Adding nullable columns rewrites no row, so the append-only trigger does not fire; the app role still may only
-- INSERT and SELECT (Data/AppRoleGrants).

ALTER TABLE "AuditEvents"
    ADD COLUMN "ActorRole" character varying(16),
    ADD COLUMN "ObjectType" character varying(32),
    ADD COLUMN "ObjectId" uuid,
    ADD COLUMN "Result" character varying(16),
    ADD COLUMN "UserAgent" character varying(512);

-- The timeline of one application or organisation (reviewers, issue 11).
CREATE INDEX "IX_AuditEvents_ObjectType_ObjectId_OccurredAt" ON "AuditEvents" ("ObjectType", "ObjectId", "OccurredAt");
