-- An indicator's data-quality statement on the six dimensions of the Audit Commission's standards for better quality
-- data: a rating and a note each, where the data comes from and how it is collected, who reviewed it, and when next.
create table data_quality_statement (
    indicator_id        bigint primary key references indicator (id),
    organisation_id     bigint not null references organisation_unit (id),
    accuracy            text not null check (accuracy in ('GOOD', 'ADEQUATE', 'WEAK')),
    accuracy_note       text,
    validity            text not null check (validity in ('GOOD', 'ADEQUATE', 'WEAK')),
    validity_note       text,
    reliability         text not null check (reliability in ('GOOD', 'ADEQUATE', 'WEAK')),
    reliability_note    text,
    timeliness          text not null check (timeliness in ('GOOD', 'ADEQUATE', 'WEAK')),
    timeliness_note     text,
    relevance           text not null check (relevance in ('GOOD', 'ADEQUATE', 'WEAK')),
    relevance_note      text,
    completeness        text not null check (completeness in ('GOOD', 'ADEQUATE', 'WEAK')),
    completeness_note   text,
    data_source         text,
    collection_method   text,
    reviewed_by         text,
    reviewed_on         date,
    next_review         date,
    version             integer not null default 0
);

create index data_quality_statement_next_review on data_quality_statement (next_review);
