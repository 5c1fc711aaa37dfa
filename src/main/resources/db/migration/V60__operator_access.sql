-- Who an operator is to the access rules: WORKLENS_OPERATORS and WORKLENS_ADMINS may name emails,
-- and an operator admitted through a user group is signed out when that group leaves the settings.
ALTER TABLE operators ADD COLUMN email VARCHAR(320);
ALTER TABLE operators ADD COLUMN admitted_by VARCHAR(200);
