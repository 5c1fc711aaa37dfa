-- Classification looks only for units whose text is unlabelled or changed since its label
-- (activity.UnitLabels.changed, in id order). Units are now written with their label, so nearly
-- every row is labelled: a partial index holds only the pending ones, in the order that query reads
-- them, instead of an entry per unit keyed by a random hash (the costliest entry of every insert).
-- The planner also read the old index badly: it walked the primary key through the whole table.
-- H2 has no partial indexes and keeps the index V1 made (db/h2).
DROP INDEX work_units_unclassified_idx;
CREATE INDEX work_units_unclassified_idx ON work_units (id)
    WHERE classified_hash IS NULL OR classified_hash <> content_hash;
