-- 0008_invitation_sender: an invitation records who sent it, so the daily limits count per person over all their
-- organisations and per invited address over all organisations (issue 7: one person with many organisations sent
-- 30 phishing invitations in one run). Invitations sent before this migration have no sender.

ALTER TABLE "OrganisationInvitations" ADD "InvitedBy" uuid;
ALTER TABLE "OrganisationInvitations" ADD CONSTRAINT "FK_OrganisationInvitations_AspNetUsers_InvitedBy"
    FOREIGN KEY ("InvitedBy") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL;

CREATE INDEX "IX_OrganisationInvitations_InvitedBy_CreatedAt" ON "OrganisationInvitations" ("InvitedBy", "CreatedAt");
CREATE INDEX "IX_OrganisationInvitations_CreatedAt" ON "OrganisationInvitations" ("CreatedAt");
