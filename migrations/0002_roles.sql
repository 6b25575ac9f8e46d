-- 0002_roles: the five roles of PRODUCT.md are reference data, present in every database (tests keep them when resetting).
INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES
    ('00000000-0000-0000-0000-000000000001', 'Applicant', 'APPLICANT', 'role-applicant'),
    ('00000000-0000-0000-0000-000000000002', 'Coach', 'COACH', 'role-coach'),
    ('00000000-0000-0000-0000-000000000003', 'Reviewer', 'REVIEWER', 'role-reviewer'),
    ('00000000-0000-0000-0000-000000000004', 'Approver', 'APPROVER', 'role-approver'),
    ('00000000-0000-0000-0000-000000000005', 'Admin', 'ADMIN', 'role-admin');
