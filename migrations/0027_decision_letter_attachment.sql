-- The decision email carries the letter as a PDF (issue 12, point 2). The outbox finds, for the email it is sending, the
-- dispatch (and so the decision) it belongs to: "EmailMessageIds" @> ARRAY[id], which this index answers.
CREATE INDEX "IX_DecisionDispatches_EmailMessageIds" ON "DecisionDispatches" USING gin ("EmailMessageIds");
