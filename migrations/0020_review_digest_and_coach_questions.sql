-- Issue 11, point 1: a reviewer who chose the daily digest gets it once a day; this marks when the last one was made,
-- so the next tells what happened since and a restarted node never sends one twice.
ALTER TABLE "ReviewerSettings" ADD "DigestSentAt" timestamp with time zone NULL;

-- Issue 11, point 4: a reviewer's question to the group's coaches, and their answer, which the group's members never read.
ALTER TABLE "ApplicationMessages" ADD "ForCoaches" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "ApplicationMessages" ALTER COLUMN "ForCoaches" DROP DEFAULT;
