-- Values of calculated indicators are worked out by Beacon from their formulas (collection/Calculations): created
-- 'calculated', by nobody. A period whose formula gives no value (a division by zero) keeps a row with no value and the
-- reason in calculation_note.
alter table indicator_value drop constraint indicator_value_created_how_check;
alter table indicator_value
    add constraint indicator_value_created_how_check check (created_how in ('entered', 'imported', 'calculated')),
    add column calculation_note text;
