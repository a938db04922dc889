-- bench: the refresher's delete of a few people's cover rows, without and with the set, on 6,000,000 rows (3 sets),
-- PostgreSQL. Run: psql -f bench/Scale/sql/cover-delete-pg.sql (on a throwaway database).
DROP TABLE IF EXISTS rpt_cover;
CREATE TABLE rpt_cover ("SetId" integer NOT NULL, "UserId" varchar(450) NOT NULL, "UnitId" uuid NOT NULL, "ValidFrom" date NOT NULL, "ValidTo" date NULL,
  "MinDepth" integer NOT NULL, "Category" varchar(200) NOT NULL, CONSTRAINT "PK_rpt_cover" PRIMARY KEY ("SetId", "UserId", "UnitId", "ValidFrom"));
INSERT INTO rpt_cover SELECT i % 3 + 1, 'user-' || (i / 3), md5('unit' || (i % 20000))::uuid, date '2025-01-01', NULL, 2, 'cat'
FROM generate_series(0, 5999999) i;
CREATE INDEX a ON rpt_cover ("SetId", "ValidFrom", "UnitId", "MinDepth", "Category", "ValidTo");
CREATE INDEX b ON rpt_cover ("SetId", "ValidTo", "UnitId", "MinDepth", "Category", "ValidFrom");
VACUUM ANALYZE rpt_cover;
\timing on
\echo without set
BEGIN; DELETE FROM rpt_cover WHERE "UserId" IN ('user-10','user-20000','user-400000'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "UserId" IN ('user-11','user-20001','user-400001'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "UserId" IN ('user-12','user-20002','user-400002'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "UserId" IN ('user-13','user-20003','user-400003'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "UserId" IN ('user-14','user-20004','user-400004'); ROLLBACK;
\echo with set (one statement per set, three sets)
BEGIN; DELETE FROM rpt_cover WHERE "SetId" = 1 AND "UserId" IN ('user-10','user-20000','user-400000'); DELETE FROM rpt_cover WHERE "SetId" = 2 AND "UserId" IN ('user-10','user-20000','user-400000'); DELETE FROM rpt_cover WHERE "SetId" = 3 AND "UserId" IN ('user-10','user-20000','user-400000'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "SetId" = 1 AND "UserId" IN ('user-11','user-20001','user-400001'); DELETE FROM rpt_cover WHERE "SetId" = 2 AND "UserId" IN ('user-11','user-20001','user-400001'); DELETE FROM rpt_cover WHERE "SetId" = 3 AND "UserId" IN ('user-11','user-20001','user-400001'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "SetId" = 1 AND "UserId" IN ('user-12','user-20002','user-400002'); DELETE FROM rpt_cover WHERE "SetId" = 2 AND "UserId" IN ('user-12','user-20002','user-400002'); DELETE FROM rpt_cover WHERE "SetId" = 3 AND "UserId" IN ('user-12','user-20002','user-400002'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "SetId" = 1 AND "UserId" IN ('user-13','user-20003','user-400003'); DELETE FROM rpt_cover WHERE "SetId" = 2 AND "UserId" IN ('user-13','user-20003','user-400003'); DELETE FROM rpt_cover WHERE "SetId" = 3 AND "UserId" IN ('user-13','user-20003','user-400003'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "SetId" = 1 AND "UserId" IN ('user-14','user-20004','user-400004'); DELETE FROM rpt_cover WHERE "SetId" = 2 AND "UserId" IN ('user-14','user-20004','user-400004'); DELETE FROM rpt_cover WHERE "SetId" = 3 AND "UserId" IN ('user-14','user-20004','user-400004'); ROLLBACK;
EXPLAIN DELETE FROM rpt_cover WHERE "UserId" IN ('user-10','user-20000','user-400000');
EXPLAIN DELETE FROM rpt_cover WHERE "SetId" = 1 AND "UserId" IN ('user-10','user-20000','user-400000');
