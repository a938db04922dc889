-- Issue 13 item 5: prototype of the per-ancestor cover totals on the national-scale database (bench/scale.sh start;
-- psql -h 127.0.0.1 -p 5499 -U postgres scale -f bench/Scale/sql/cover-prototype.sql). Schema proto only; main ignores it.
-- Figures: docs/notes/issue-13-cover.md. The product's version lives in Reporting (branch cover), not here.
DROP SCHEMA IF EXISTS proto CASCADE; CREATE SCHEMA proto;
-- unit paths: 5-digit segments of a per-unit key
CREATE TABLE proto.paths AS
WITH RECURSIVE k AS (SELECT "Id", "ParentId", "Depth", lpad((row_number() over (order by "Path"))::text, 5, '0') seg FROM org_units),
t AS (SELECT "Id", seg::text AS path, 0 AS depth FROM k WHERE "ParentId" IS NULL
      UNION ALL SELECT k."Id", t.path || k.seg, t.depth + 1 FROM k JOIN t ON k."ParentId" = t."Id")
SELECT "Id" unit_id, path COLLATE "C" path, depth FROM t;
CREATE UNIQUE INDEX ON proto.paths(unit_id);
-- staff posts with path and MinDepth (common segments with the previous post in path order)
CREATE TABLE proto.staff AS
SELECT user_id, path, category, CASE WHEN prev IS NULL THEN 0 ELSE
  (SELECT coalesce(max(i), 0) FROM generate_series(1, least(length(path), length(prev)) / 5) i WHERE substr(path, 1, i*5) = substr(prev, 1, i*5)) END AS min_depth
FROM (SELECT s."UserId" user_id, p.path, s."Category" category, lag(p.path) over (PARTITION BY s."UserId" ORDER BY p.path) prev
      FROM rpt_staff s JOIN proto.paths p ON p.unit_id = s."UnitId") x;
CREATE INDEX ON proto.staff(path) INCLUDE (min_depth, category);
-- cover for set {A,B}: union of spans per person (gaps and islands), times posts
CREATE TABLE proto.cover AS
WITH spans AS (
  SELECT "UserId" u, "ValidFrom" f, LEAST(coalesce("ValidUntil", '9999-12-30'), coalesce("RevokedOn" - 1, '9999-12-30')) e
  FROM rpt_person_status WHERE "ProgrammeId" IN ('00000000-0001-4400-a06d-f6ba27e13fc4','00000000-0000-4400-a053-e8952438dcdf')),
valid AS (SELECT * FROM spans WHERE e >= f),
marked AS (SELECT u, f, e, CASE WHEN f <= max(e) over (partition by u order by f, e rows between unbounded preceding and 1 preceding) + 1 THEN 0 ELSE 1 END AS starts FROM valid),
grouped AS (SELECT u, f, e, sum(starts) over (partition by u order by f, e) g FROM marked),
islands AS (SELECT u, min(f) f, max(e) e FROM grouped GROUP BY u, g)
SELECT s.user_id, s.path, s.min_depth, s.category, i.f valid_from, NULLIF(i.e, '9999-12-30') valid_to
FROM islands i JOIN proto.staff s ON s.user_id = i.u;
CREATE INDEX ON proto.cover(path) INCLUDE (min_depth, category, valid_from, valid_to);
CREATE TABLE proto.closure AS SELECT c.unit_id, a.unit_id ancestor_id, a.depth ancestor_depth, c.path = a.path own
FROM proto.paths c JOIN proto.paths a ON c.path LIKE a.path || '%';
CREATE INDEX ON proto.closure(unit_id);
ALTER TABLE proto.cover ADD COLUMN IF NOT EXISTS unit_id uuid;
UPDATE proto.cover c SET unit_id = p.unit_id FROM proto.paths p WHERE p.path = c.path;
ALTER TABLE proto.staff ADD COLUMN IF NOT EXISTS unit_id uuid;
UPDATE proto.staff c SET unit_id = p.unit_id FROM proto.paths p WHERE p.path = c.path;
CREATE TABLE proto.pop AS
SELECT k.ancestor_id, coalesce(s.category, '') category,
  count(*) FILTER (WHERE s.min_depth <= k.ancestor_depth) n,
  count(*) FILTER (WHERE s.min_depth = k.ancestor_depth + 1) extra,
  count(DISTINCT s.user_id) FILTER (WHERE s.min_depth = k.ancestor_depth + 1) shared,
  count(*) FILTER (WHERE k.own) own
FROM proto.staff s JOIN proto.closure k ON k.unit_id = s.unit_id GROUP BY 1, 2;
CREATE UNIQUE INDEX ON proto.pop(ancestor_id, category) INCLUDE (n, extra, shared, own);
CREATE TABLE proto.totals AS
SELECT k.ancestor_id, coalesce(c.category, '') category,
  (date_trunc('month', valid_from) + interval '1 month - 1 day')::date fkey,
  CASE WHEN valid_to IS NULL THEN NULL
       WHEN valid_to = (date_trunc('month', valid_to) + interval '1 month - 1 day')::date THEN valid_to
       ELSE (date_trunc('month', valid_to) - interval '1 day')::date END tkey,
  count(*) FILTER (WHERE c.min_depth <= k.ancestor_depth) n,
  count(*) FILTER (WHERE c.min_depth = k.ancestor_depth + 1) extra,
  count(*) FILTER (WHERE k.own) own
FROM proto.cover c JOIN proto.closure k ON k.unit_id = c.unit_id
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX ON proto.totals(ancestor_id, category, fkey, tkey) INCLUDE (n, extra, own);
CREATE INDEX ON proto.cover(valid_from); CREATE INDEX ON proto.cover(valid_to);
ANALYZE proto.totals; ANALYZE proto.cover; ANALYZE proto.pop; ANALYZE proto.staff;
-- The national dashboard's three queries (as of 01/12/2026; the province and department ones differ only in the selected unit):
SELECT t.ancestor_id, sum(n) FILTER (WHERE fkey <= '2025-12-31' AND (tkey IS NULL OR tkey >= '2025-12-31')), sum(n) FILTER (WHERE fkey <= '2026-01-31' AND (tkey IS NULL OR tkey >= '2026-01-31')), sum(n) FILTER (WHERE fkey <= '2026-02-28' AND (tkey IS NULL OR tkey >= '2026-02-28')), sum(n) FILTER (WHERE fkey <= '2026-03-31' AND (tkey IS NULL OR tkey >= '2026-03-31')), sum(n) FILTER (WHERE fkey <= '2026-04-30' AND (tkey IS NULL OR tkey >= '2026-04-30')), sum(n) FILTER (WHERE fkey <= '2026-05-31' AND (tkey IS NULL OR tkey >= '2026-05-31')), sum(n) FILTER (WHERE fkey <= '2026-06-30' AND (tkey IS NULL OR tkey >= '2026-06-30')), sum(n) FILTER (WHERE fkey <= '2026-07-31' AND (tkey IS NULL OR tkey >= '2026-07-31')), sum(n) FILTER (WHERE fkey <= '2026-08-31' AND (tkey IS NULL OR tkey >= '2026-08-31')), sum(n) FILTER (WHERE fkey <= '2026-09-30' AND (tkey IS NULL OR tkey >= '2026-09-30')), sum(n) FILTER (WHERE fkey <= '2026-10-31' AND (tkey IS NULL OR tkey >= '2026-10-31')), sum(n) FILTER (WHERE fkey <= '2026-11-30' AND (tkey IS NULL OR tkey >= '2026-11-30')), sum(n) FILTER (WHERE fkey <= '2026-11-30' AND (tkey IS NULL OR tkey >= '2026-12-31')), sum(extra) FILTER (WHERE fkey <= '2026-11-30' AND (tkey IS NULL OR tkey >= '2026-12-31')), sum(own) FILTER (WHERE fkey <= '2026-11-30' AND (tkey IS NULL OR tkey >= '2026-12-31'))
FROM proto.totals t WHERE t.ancestor_id IN (SELECT (SELECT "Id" FROM org_units WHERE "ParentId" IS NULL) UNION ALL SELECT u."Id" FROM org_units u WHERE u."ParentId" = (SELECT "Id" FROM org_units WHERE "ParentId" IS NULL)) GROUP BY 1;
SELECT k.ancestor_id, count(*) FILTER (WHERE c.min_depth <= k.ancestor_depth), count(*) FILTER (WHERE c.min_depth = k.ancestor_depth + 1), count(*) FILTER (WHERE k.own)
FROM proto.cover c JOIN proto.closure k ON k.unit_id = c.unit_id
WHERE k.ancestor_id IN (SELECT (SELECT "Id" FROM org_units WHERE "ParentId" IS NULL) UNION ALL SELECT u."Id" FROM org_units u WHERE u."ParentId" = (SELECT "Id" FROM org_units WHERE "ParentId" IS NULL)) AND c.valid_from <= '2026-12-01' AND (c.valid_to IS NULL OR c.valid_to >= '2026-12-01')
  AND ((c.valid_from >= '2026-12-01' AND c.valid_from <= '2026-12-31') OR (c.valid_to >= '2026-12-01' AND c.valid_to < '2026-12-31'))
GROUP BY 1;
SELECT ancestor_id, sum(n), sum(extra), sum(shared), sum(own) FROM proto.pop WHERE ancestor_id IN (SELECT (SELECT "Id" FROM org_units WHERE "ParentId" IS NULL) UNION ALL SELECT u."Id" FROM org_units u WHERE u."ParentId" = (SELECT "Id" FROM org_units WHERE "ParentId" IS NULL)) GROUP BY 1;
SELECT t.ancestor_id, sum(n) FILTER (WHERE fkey <= '2025-12-31' AND (tkey IS NULL OR tkey >= '2025-12-31')), sum(n) FILTER (WHERE fkey <= '2026-01-31' AND (tkey IS NULL OR tkey >= '2026-01-31')), sum(n) FILTER (WHERE fkey <= '2026-02-28' AND (tkey IS NULL OR tkey >= '2026-02-28')), sum(n) FILTER (WHERE fkey <= '2026-03-31' AND (tkey IS NULL OR tkey >= '2026-03-31')), sum(n) FILTER (WHERE fkey <= '2026-04-30' AND (tkey IS NULL OR tkey >= '2026-04-30')), sum(n) FILTER (WHERE fkey <= '2026-05-31' AND (tkey IS NULL OR tkey >= '2026-05-31')), sum(n) FILTER (WHERE fkey <= '2026-06-30' AND (tkey IS NULL OR tkey >= '2026-06-30')), sum(n) FILTER (WHERE fkey <= '2026-07-31' AND (tkey IS NULL OR tkey >= '2026-07-31')), sum(n) FILTER (WHERE fkey <= '2026-08-31' AND (tkey IS NULL OR tkey >= '2026-08-31')), sum(n) FILTER (WHERE fkey <= '2026-09-30' AND (tkey IS NULL OR tkey >= '2026-09-30')), sum(n) FILTER (WHERE fkey <= '2026-10-31' AND (tkey IS NULL OR tkey >= '2026-10-31')), sum(n) FILTER (WHERE fkey <= '2026-11-30' AND (tkey IS NULL OR tkey >= '2026-11-30')), sum(n) FILTER (WHERE fkey <= '2026-11-30' AND (tkey IS NULL OR tkey >= '2026-12-31')), sum(extra) FILTER (WHERE fkey <= '2026-11-30' AND (tkey IS NULL OR tkey >= '2026-12-31')), sum(own) FILTER (WHERE fkey <= '2026-11-30' AND (tkey IS NULL OR tkey >= '2026-12-31'))
FROM proto.totals t WHERE t.ancestor_id IN (SELECT (SELECT "Id" FROM org_units WHERE "Name" = 'UBND Thành phố Hồ Chí Minh') UNION ALL SELECT u."Id" FROM org_units u WHERE u."ParentId" = (SELECT "Id" FROM org_units WHERE "Name" = 'UBND Thành phố Hồ Chí Minh')) GROUP BY 1;
SELECT k.ancestor_id, count(*) FILTER (WHERE c.min_depth <= k.ancestor_depth), count(*) FILTER (WHERE c.min_depth = k.ancestor_depth + 1), count(*) FILTER (WHERE k.own)
FROM proto.cover c JOIN proto.closure k ON k.unit_id = c.unit_id
