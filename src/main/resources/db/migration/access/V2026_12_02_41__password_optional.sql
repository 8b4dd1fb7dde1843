-- A user created through the API or the users import may have no password yet: they cannot sign in until an
-- administrator sets one.
alter table app_user alter column password_hash drop not null;
