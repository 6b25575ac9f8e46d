-- 0007_outbox_lease: the outbox worker claims a message with a lease and commits that before it sends, then marks
-- the message sent at once. A crash can then repeat only the one message being sent, after its lease ran out
-- (issue 7, point 6). Messages the outbox gave up on are kept with the moment it did, for the admins' page.

ALTER TABLE "EmailMessages"
    ADD COLUMN "LeasedUntil" timestamp with time zone,
    ADD COLUMN "GaveUpAt" timestamp with time zone;

-- Mail that used its 12 attempts before this migration was given up at its last attempt: the old worker set the next
-- attempt one hour (the longest backoff) after it.
UPDATE "EmailMessages" SET "GaveUpAt" = "NextAttemptAt" - interval '1 hour' WHERE "SentAt" IS NULL AND "Attempts" >= 12;
