-- Sketch of the per-unit rollup proposed in docs/scaling.md ("Reporting at national size"), in SQL on the generated
-- database: certified people per unit and day for the national target's counting key (CT-KPL + CT-CDS, 13 days),
-- then subtree totals bottom-up, then the national dashboard's read. Not the Reporting module's code; a measurement of
-- the design's costs. Leaves a scratch table bench_unit_counts (DROP it afterwards).
--   psql -h 127.0.0.1 -p 5499 -U postgres scale -f bench/Scale/sql/rollup-sketch.sql

SET jit = off;
\timing on
DROP TABLE IF EXISTS bench_unit_counts;
-- certified people per own unit and day (people with one post; the sketch leaves shared posts out)
CREATE TABLE bench_unit_counts AS
SELECT u."Id" AS unit_id, u."ParentId" AS parent_id, u."Depth" AS depth, d.day,
       COALESCE(c.certified, 0) AS certified
FROM org_units u CROSS JOIN (SELECT unnest(ARRAY[date '2025-12-01', date '2026-01-01', date '2026-02-01', date '2026-03-01', date '2026-04-01', date '2026-05-01', date '2026-06-01', date '2026-07-01', date '2026-08-01', date '2026-09-01', date '2026-10-01', date '2026-11-01', date '2026-12-01']) AS day) d
LEFT JOIN (
  SELECT "UnitId", day, SUM(flag) AS certified FROM (
    SELECT "UnitId", "UserId", ARRAY[MAX(CASE WHEN "ValidFrom" <= date '2025-12-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2025-12-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2025-12-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-01-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-01-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-01-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-02-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-02-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-02-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-03-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-03-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-03-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-04-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-04-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-04-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-05-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-05-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-05-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-06-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-06-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-06-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-07-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-07-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-07-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-08-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-08-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-08-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-09-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-09-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-09-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-10-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-10-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-10-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-11-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-11-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-11-01') THEN 1 ELSE 0 END), MAX(CASE WHEN "ValidFrom" <= date '2026-12-01' AND ("ValidUntil" IS NULL OR "ValidUntil" >= date '2026-12-01') AND ("RevokedOn" IS NULL OR "RevokedOn" > date '2026-12-01') THEN 1 ELSE 0 END)] AS f
    FROM rpt_person_status WHERE "Posts" = 1 AND "ProgrammeId" IN (SELECT "Id" FROM cert_programmes WHERE "Code" IN ('CT-KPL','CT-CDS'))
    GROUP BY "UnitId", "UserId") p
  CROSS JOIN LATERAL unnest(p.f, ARRAY[date '2025-12-01', date '2026-01-01', date '2026-02-01', date '2026-03-01', date '2026-04-01', date '2026-05-01', date '2026-06-01', date '2026-07-01', date '2026-08-01', date '2026-09-01', date '2026-10-01', date '2026-11-01', date '2026-12-01']) AS x(flag, day)
  GROUP BY "UnitId", day) c ON c."UnitId" = u."Id" AND c.day = d.day;
-- subtree totals, bottom-up (depth 3 -> 0)
UPDATE bench_unit_counts t SET certified = t.certified + s.total FROM (SELECT parent_id, day, SUM(certified) total FROM bench_unit_counts WHERE depth = 3 GROUP BY parent_id, day) s WHERE t.unit_id = s.parent_id AND t.day = s.day;
UPDATE bench_unit_counts t SET certified = t.certified + s.total FROM (SELECT parent_id, day, SUM(certified) total FROM bench_unit_counts WHERE depth = 2 GROUP BY parent_id, day) s WHERE t.unit_id = s.parent_id AND t.day = s.day;
UPDATE bench_unit_counts t SET certified = t.certified + s.total FROM (SELECT parent_id, day, SUM(certified) total FROM bench_unit_counts WHERE depth = 1 GROUP BY parent_id, day) s WHERE t.unit_id = s.parent_id AND t.day = s.day;
CREATE INDEX ON bench_unit_counts (parent_id, day);
CREATE UNIQUE INDEX ON bench_unit_counts (unit_id, day);
ANALYZE bench_unit_counts;
SELECT pg_size_pretty(pg_total_relation_size('bench_unit_counts'));
-- the national dashboard's read: the root's row and its 63 provinces' rows, every day
EXPLAIN (ANALYZE, BUFFERS) SELECT unit_id, day, certified FROM bench_unit_counts WHERE unit_id = (SELECT "Id" FROM org_units WHERE "Depth" = 0) OR parent_id = (SELECT "Id" FROM org_units WHERE "Depth" = 0);
SELECT day, certified FROM bench_unit_counts WHERE depth = 0 ORDER BY day DESC LIMIT 2;
DROP TABLE bench_unit_counts;
