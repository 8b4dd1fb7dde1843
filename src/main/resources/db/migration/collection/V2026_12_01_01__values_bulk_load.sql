-- Values are loaded a million at a time (docs/benchmarks.md), so indicator_value carries only what such a load can
-- afford to maintain: its identity and one natural key.
--
-- Foreign keys: checking them costs one trigger call per row per key, 48 of the 72 seconds a million-value merge
-- took. collection checks every reference (indicator, organisation, area, group, supplier, user) before it writes a
-- value, and none of those rows is ever deleted: indicators, units, areas, groups and users are retired instead.
do $$
declare
    c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'indicator_value'::regclass and contype in ('f', 'u')
    loop
        execute format('alter table indicator_value drop constraint %I', c.conname);
    end loop;
end
$$;

-- The natural key, on fixed-width columns and ordered for the reads: an indicator's periods over a span of time.
-- It replaces the key on the period code and the partial index on period_start.
drop index indicator_value_by_time;
create unique index indicator_value_key
    on indicator_value (indicator_id, period_start, period_type, area_id, group_id, supplier_id) nulls not distinct;

-- How a value was created ('entered' or 'imported'), by whom and when: the first entry of its history. The audit
-- trail (indicator_value_change) then holds every change after it, so a load of new values writes each value once.
-- Until a value first changes, entered_by and entered_at say who created it and when, and created_by and created_at
-- are empty; the first change copies them across. Values created before this migration have their creation in the
-- audit trail and leave all three empty.
alter table indicator_value
    add column created_by  bigint,
    add column created_at  timestamptz,
    add column created_how text check (created_how in ('entered', 'imported'));

-- Scorecards read the overall figures (no breakdown) of every indicator in scope over two years and a bit: from this
-- index alone, without visiting the table, where the breakdowns' rows would otherwise be read alongside.
create index indicator_value_overall
    on indicator_value (indicator_id, period_start) include (period_type, period_end, value, numerator, denominator)
    where area_id is null and group_id is null and supplier_id is null;
