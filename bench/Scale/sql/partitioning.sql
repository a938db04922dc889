-- Declarative partitioning proposed in docs/scaling.md, checked for pruning on PostgreSQL 15:
--   psql -h 127.0.0.1 -p 5499 -U postgres -c 'CREATE DATABASE scale_ddl' && psql -h 127.0.0.1 -p 5499 -U postgres scale_ddl -f bench/Scale/sql/partitioning.sql
-- Column names and types are those of the Courses module's tables (courses_xapi_statements, courses_enrolments).

-- xAPI statements: append-only, read by time window (GET /api/courses/xapi/statements?since=&until=&unit=), kept for a
-- retention period: RANGE by month on "Timestamp". The primary key must contain the partition key.
CREATE TABLE courses_xapi_statements (
    "Id" uuid NOT NULL,
    "UserId" text NOT NULL,
    "ActorName" varchar(200) NOT NULL,
    "ActorEmail" varchar(256),
    "UnitId" uuid,
    "Verb" varchar(200) NOT NULL,
    "ObjectPath" varchar(500) NOT NULL,
    "ObjectName" varchar(300) NOT NULL,
    "ObjectType" varchar(50) NOT NULL,
    "ScoreScaled" numeric,
    "Success" boolean,
    "Completion" boolean,
    "Timestamp" timestamptz NOT NULL,
    CONSTRAINT "PK_courses_xapi_statements" PRIMARY KEY ("Id", "Timestamp")
) PARTITION BY RANGE ("Timestamp");
CREATE INDEX "IX_courses_xapi_statements_Timestamp" ON courses_xapi_statements ("Timestamp");
CREATE INDEX "IX_courses_xapi_statements_UnitId_Timestamp" ON courses_xapi_statements ("UnitId", "Timestamp");
-- One partition a month (a singleton job creates next month's ahead of time; old months are DETACHed and archived).
DO $$
DECLARE m date := date '2024-01-01';
BEGIN
  WHILE m < date '2027-01-01' LOOP
    EXECUTE format('CREATE TABLE courses_xapi_statements_%s PARTITION OF courses_xapi_statements FOR VALUES FROM (%L) TO (%L)',
                   to_char(m, 'YYYYMM'), m, m + interval '1 month');
    m := m + interval '1 month';
  END LOOP;
END $$;
CREATE TABLE courses_xapi_statements_default PARTITION OF courses_xapi_statements DEFAULT;

-- Enrolments: read by learner ("my courses", the unique current run per learner and course) and by course (learners in
-- progress). HASH on "UserId": a learner's reads touch one partition; every unique index contains "UserId".
CREATE TABLE courses_enrolments (
    "Id" uuid NOT NULL,
    "UserId" varchar(450) NOT NULL,
    "CourseId" uuid NOT NULL,
    "VersionId" uuid NOT NULL,
    "Source" integer NOT NULL,
    "EnrolledAt" timestamptz NOT NULL,
    "DueOn" date,
    "LastLessonId" uuid,
    "CompletedAt" timestamptz,
    "IsCurrent" boolean NOT NULL,
    CONSTRAINT "PK_courses_enrolments" PRIMARY KEY ("UserId", "Id")
) PARTITION BY HASH ("UserId");
CREATE UNIQUE INDEX "IX_courses_enrolments_UserId_CourseId" ON courses_enrolments ("UserId", "CourseId") WHERE "IsCurrent";
CREATE INDEX "IX_courses_enrolments_CourseId_IsCurrent_CompletedAt_UserId" ON courses_enrolments ("CourseId", "IsCurrent", "CompletedAt", "UserId");
DO $$
BEGIN
  FOR i IN 0..15 LOOP
    EXECUTE format('CREATE TABLE courses_enrolments_p%s PARTITION OF courses_enrolments FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
  END LOOP;
END $$;

-- A little data so the planner has statistics.
INSERT INTO courses_xapi_statements
SELECT gen_random_uuid(), 'u' || (g % 5000), 'Người học', NULL, NULL, 'completed', '/courses/x', 'Bài', 'lesson', NULL, NULL, true,
       timestamptz '2024-01-01' + (g % 1050) * interval '1 day' + (g % 86400) * interval '1 second'
FROM generate_series(1, 200000) g;
INSERT INTO courses_enrolments
SELECT gen_random_uuid(), 'u' || (g % 20000), md5((g % 40)::text)::uuid, md5('v' || (g % 40))::uuid, 0, now(), NULL, NULL, NULL, g % 40 <> 0 OR g < 20000
FROM generate_series(1, 200000) g
ON CONFLICT DO NOTHING;
ANALYZE;

-- The statements the code sends, as prepared (generic) plans: pruning happens at execution ("Subplans Removed").
SET plan_cache_mode = force_generic_plan;
PREPARE xapi(timestamptz, timestamptz) AS
  SELECT * FROM courses_xapi_statements WHERE "Timestamp" >= $1 AND "Timestamp" < $2 ORDER BY "Timestamp" LIMIT 10000;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE xapi('2026-03-01', '2026-03-08');
PREPARE mine(text) AS SELECT * FROM courses_enrolments WHERE "UserId" = $1 AND "IsCurrent";
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE mine('u42');
PREPARE course(uuid) AS SELECT "UserId" FROM courses_enrolments WHERE "CourseId" = $1 AND "IsCurrent" AND "CompletedAt" IS NULL;
EXPLAIN (COSTS OFF) EXECUTE course(md5('1')::uuid);
