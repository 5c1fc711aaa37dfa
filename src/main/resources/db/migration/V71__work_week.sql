-- patterns: an operator's working hours and days (WORK_HOURS, WORK_DAYS are the defaults)
CREATE TABLE patterns_work_weeks (
    operator_id  BIGINT       NOT NULL PRIMARY KEY REFERENCES operators (id) ON DELETE CASCADE,
    work_hours   VARCHAR(20)  NOT NULL,
    work_days    VARCHAR(40)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
