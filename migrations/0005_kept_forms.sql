-- 0005_kept_forms: a form posted after the session expired is kept (encrypted) for the same user and browser,
-- and saved after signing in again, so nothing typed is lost without JavaScript either. Rows live at most 24 hours.

CREATE TABLE "KeptForms" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Path" character varying(2048) NOT NULL,
    "Query" character varying(2048) NOT NULL,
    "ProtectedFields" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_KeptForms" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_KeptForms_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_KeptForms_ExpiresAt" ON "KeptForms" ("ExpiresAt");
CREATE INDEX "IX_KeptForms_UserId_Path" ON "KeptForms" ("UserId", "Path");
