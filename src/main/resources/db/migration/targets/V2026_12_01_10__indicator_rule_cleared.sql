-- A version of an indicator's rule may say that from its date the indicator has no rule of its own (own_rule false,
-- no tolerance), so its organisation's rule rates the periods after it while the override keeps the periods before:
-- clearing an indicator's tolerance is a dated change like any other, and never recolours the past.
alter table rating_rule add column own_rule boolean not null default true;

alter table rating_rule drop constraint rating_rule_check;

alter table rating_rule add constraint rating_rule_tolerance check (
    own_rule and (tolerance_percent is null) <> (tolerance_absolute is null)
    or not own_rule and indicator_id is not null and tolerance_percent is null and tolerance_absolute is null
);
