-- Issue 11, point 1: a reviewer who chose the daily digest gets it once a day; this marks when the last one was made,
-- so the next tells what happened since and a restarted node never sends one twice.
ALTER TABLE "ReviewerSettings" ADD "DigestSentAt" timestamp with time zone NULL;

-- Issue 11, point 4: a reviewer's question to the group's coaches, and their answer, which the group's members never read.
ALTER TABLE "ApplicationMessages" ADD "ForCoaches" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "ApplicationMessages" ALTER COLUMN "ForCoaches" DROP DEFAULT;

-- Issue 11, points 1 and 11: what each scheme's budget holds and has granted, kept by the database as reservations
-- change (in the same transaction), so the inbox summary and the catalogue read one row per scheme instead of summing
-- every reservation: at 100,000 applications that sum cost more than the rest of the inbox page.
CREATE TABLE "SchemeBudgetTotals" (
    "SchemeId" integer NOT NULL,
    "ReservedCents" bigint NOT NULL,
    "GrantedCents" bigint NOT NULL,
    CONSTRAINT "PK_SchemeBudgetTotals" PRIMARY KEY ("SchemeId"),
    CONSTRAINT "FK_SchemeBudgetTotals_SchemeBudgets_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "SchemeBudgets" ("SchemeId") ON DELETE CASCADE
);

INSERT INTO "SchemeBudgetTotals" ("SchemeId", "ReservedCents", "GrantedCents")
SELECT b."SchemeId",
       COALESCE(SUM(r."AmountCents") FILTER (WHERE r."State" = 'Reserved'), 0),
       COALESCE(SUM(r."GrantedCents") FILTER (WHERE r."State" = 'Granted'), 0)
FROM "SchemeBudgets" b LEFT JOIN "BudgetReservations" r ON r."SchemeId" = b."SchemeId"
GROUP BY b."SchemeId";

CREATE FUNCTION scheme_budget_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE "SchemeBudgetTotals"
        SET "ReservedCents" = "ReservedCents" - CASE WHEN OLD."State" = 'Reserved' THEN OLD."AmountCents" ELSE 0 END,
            "GrantedCents" = "GrantedCents" - CASE WHEN OLD."State" = 'Granted' THEN COALESCE(OLD."GrantedCents", 0) ELSE 0 END
        WHERE "SchemeId" = OLD."SchemeId";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO "SchemeBudgetTotals" ("SchemeId", "ReservedCents", "GrantedCents")
        VALUES (NEW."SchemeId",
                CASE WHEN NEW."State" = 'Reserved' THEN NEW."AmountCents" ELSE 0 END,
                CASE WHEN NEW."State" = 'Granted' THEN COALESCE(NEW."GrantedCents", 0) ELSE 0 END)
        ON CONFLICT ("SchemeId") DO UPDATE
        SET "ReservedCents" = "SchemeBudgetTotals"."ReservedCents" + EXCLUDED."ReservedCents",
            "GrantedCents" = "SchemeBudgetTotals"."GrantedCents" + EXCLUDED."GrantedCents";
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "BudgetReservations_totals" AFTER INSERT OR UPDATE OR DELETE ON "BudgetReservations"
    FOR EACH ROW EXECUTE FUNCTION scheme_budget_totals_follow();

-- Issue 11, point 11: the inbox's search ("%…%" in a reference or a group's name) through trigram indexes on the inbox's
-- own rows — the group's name kept on the row as the group renames itself — so that at 100,000 applications it finds the
-- matches at once instead of testing every row it walks past. pg_trgm ships with PostgreSQL and is a trusted extension:
-- the database's owner may create it.
ALTER TABLE "ReviewCases" ADD "OrganisationName" character varying(200) NOT NULL DEFAULT '';
UPDATE "ReviewCases" c SET "OrganisationName" = o."Name" FROM "Organisations" o WHERE o."Id" = c."OrganisationId";
ALTER TABLE "ReviewCases" ALTER COLUMN "OrganisationName" DROP DEFAULT;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "IX_ReviewCases_Reference_Trigram" ON "ReviewCases" USING gin ("Reference" gin_trgm_ops);
CREATE INDEX "IX_ReviewCases_OrganisationName_Trigram" ON "ReviewCases" USING gin ("OrganisationName" gin_trgm_ops);
