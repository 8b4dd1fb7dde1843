-- Spring Modulith's event publication registry (its schema version 2, for PostgreSQL): one row for each event and
-- each after-commit listener of it, written in the transaction that published the event and deleted once the
-- listener has handled it (spring.modulith.events.completion-mode=delete). What is left are events whose listener
-- failed or never ran; they are delivered again on the next start.
create table event_publication
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
