-- The reporting timetable: for each type of period, data due N working days after it ends, approval due M working days
-- after that, and the report R working days after the approval.
create table reporting_timetable (
    period_type       text primary key
        check (period_type in ('MONTH', 'FINANCIAL_QUARTER', 'FINANCIAL_YEAR', 'CALENDAR_QUARTER', 'CALENDAR_YEAR', 'WEEK')),
    data_due_days     integer not null check (data_due_days between 0 and 65),
    approval_due_days integer not null check (approval_due_days between 0 and 65),
    report_days       integer not null check (report_days between 0 and 65),
    version           integer not null default 0
);
insert into reporting_timetable (period_type, data_due_days, approval_due_days, report_days) values
    ('MONTH', 10, 5, 5),
    ('FINANCIAL_QUARTER', 15, 5, 10),
    ('FINANCIAL_YEAR', 20, 10, 15),
    ('CALENDAR_QUARTER', 15, 5, 10),
    ('CALENDAR_YEAR', 20, 10, 15),
    ('WEEK', 2, 1, 1);

-- Days that are not working days beyond weekends and the bank holidays built into the code: bank holidays proclaimed
-- later or after the built-in list ends, and the days the council closes.
create table closure_day (
    day  date primary key,
    name text not null check (length(name) between 1 and 200),
    kind text not null check (kind in ('BANK_HOLIDAY', 'CLOSURE'))
);
