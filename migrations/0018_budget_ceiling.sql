-- 0018_budget_ceiling: the schemes' budget ceilings filled in their published order (art. 4:25 Awb; issue 11, point 9;
-- docs/decisions/0016-budget-ceiling-and-order.md). One row per scheme holds its order and is the row an approval locks
-- (SELECT ... FOR UPDATE), so two approvals at once are taken one after the other. A reservation holds a complete
-- application's requested amount until its decision; at most one reservation per application is not released. The
-- draws of the days (first come, first served) are stored with their seed, so anyone can redo them. The rows of
-- SchemeBudgets are made on first use (INSERT ... ON CONFLICT DO NOTHING); the ceiling itself stays on "Schemes".

CREATE TABLE "SchemeBudgets" (
    "SchemeId" integer NOT NULL,
    "Order" character varying(32) NOT NULL,
    CONSTRAINT "PK_SchemeBudgets" PRIMARY KEY ("SchemeId"),
    CONSTRAINT "FK_SchemeBudgets_Schemes_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "Schemes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BudgetDraws" (
    "SchemeId" integer NOT NULL,
    "Day" date NOT NULL,
    "Seed" character varying(32) NOT NULL,
    "Count" integer NOT NULL,
    "HeldAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_BudgetDraws" PRIMARY KEY ("SchemeId", "Day"),
    CONSTRAINT "FK_BudgetDraws_SchemeBudgets_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "SchemeBudgets" ("SchemeId") ON DELETE CASCADE
);

CREATE TABLE "BudgetReservations" (
    "Id" uuid NOT NULL,
    "SchemeId" integer NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "AmountCents" bigint NOT NULL,
    "CompleteAt" timestamp with time zone NOT NULL,
    "CompleteOn" date NOT NULL,
    "DrawPosition" integer,
    "Rank" integer,
    "State" character varying(16) NOT NULL,
    "GrantedCents" bigint,
    "SettledAt" timestamp with time zone,
    "ReleaseReason" character varying(32),
    CONSTRAINT "PK_BudgetReservations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BudgetReservations_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BudgetReservations_SchemeBudgets_SchemeId" FOREIGN KEY ("SchemeId") REFERENCES "SchemeBudgets" ("SchemeId") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_BudgetReservations_ApplicationId" ON "BudgetReservations" ("ApplicationId") WHERE "State" <> 'Released';
CREATE INDEX "IX_BudgetReservations_SchemeId_State" ON "BudgetReservations" ("SchemeId", "State") INCLUDE ("AmountCents", "GrantedCents");
CREATE INDEX "IX_BudgetReservations_Undrawn" ON "BudgetReservations" ("CompleteOn") WHERE "DrawPosition" IS NULL;

INSERT INTO "SchemeBudgets" ("SchemeId", "Order") SELECT "Id", 'FirstComeFirstServed' FROM "Schemes" ON CONFLICT DO NOTHING;
