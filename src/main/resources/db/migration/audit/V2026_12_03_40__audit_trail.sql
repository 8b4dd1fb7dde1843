-- The audit trail: one row for every create, update and delete of units, users, role assignments, settings,
-- indicators, targets, values and rating rules, with who, when, from where (page, api, import, system), and the
-- record before and after as JSON. Written in the transaction that made the change; never changed or removed.
create table audit_record (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    actor        text not null,
    via          text not null check (via in ('page', 'api', 'import', 'system')),
    action       text not null,
    entity       text not null,
    entity_key   text not null,
    before_state jsonb,
    after_state  jsonb
);
create index audit_record_by_record on audit_record (entity, entity_key, id);
create index audit_record_by_time on audit_record (at);
create index audit_record_by_actor on audit_record (actor, at);

-- Append-only, enforced by the database: a trigger refuses every UPDATE, DELETE and TRUNCATE, whoever runs it, and the
-- application's own role (the one that runs these migrations and owns the table) gives up those privileges. A
-- superuser keeps them (PostgreSQL does not check a superuser's privileges), so the trigger is what holds there.
create function audit_record_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'The audit trail is append-only: % on audit_record is refused', tg_op
        using errcode = '42501';
end
$$;
create trigger audit_record_append_only
    before update or delete on audit_record
    for each row execute function audit_record_refuse_change();
create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_refuse_change();

revoke update, delete, truncate on audit_record from public;
revoke update, delete, truncate on audit_record from current_user;
