-- A million-value load draws a million ids. With the default cache of one, every id is a visit to the sequence (and
-- one WAL record in 32); a cache of 1,000 per connection takes an eighth off the time PostgreSQL spends loading values
-- (docs/benchmarks.md). A value's id is its identity and nothing more, never an order: a restart leaves a gap, and
-- each connection draws from its own block. The audit trail keeps its uncached sequence, as its ids order the changes
-- to a value.
alter table indicator_value alter column id set cache 1000;
