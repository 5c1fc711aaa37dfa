-- PostgreSQL narrows work_units_unclassified_idx to the units awaiting a label (db/postgresql).
-- H2 has no partial indexes, so its index stays as V1 made it; this script keeps the two
-- databases' migration histories the same length.
SELECT 1;
