-- bench: the refresher's delete of a few people's cover rows, without and with the set, on 2,000,000 rows (3 sets).
CREATE TABLE rpt_cover ("SetId" INTEGER NOT NULL, "UserId" TEXT NOT NULL, "UnitId" TEXT NOT NULL, "ValidFrom" TEXT NOT NULL, "ValidTo" TEXT NULL, "MinDepth" INTEGER NOT NULL, "Category" TEXT NOT NULL,
 CONSTRAINT "PK_rpt_cover" PRIMARY KEY ("SetId", "UserId", "UnitId", "ValidFrom"));
CREATE INDEX a ON rpt_cover ("SetId", "ValidFrom", "UnitId", "MinDepth", "Category", "ValidTo");
CREATE INDEX b ON rpt_cover ("SetId", "ValidTo", "UnitId", "MinDepth", "Category", "ValidFrom");
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n WHERE i < 1999999)
INSERT INTO rpt_cover SELECT i % 3 + 1, 'user-' || (i / 3), 'unit-' || (i % 20000), '2025-01-01', NULL, 2, 'cat' FROM n;
.timer on
BEGIN; DELETE FROM rpt_cover WHERE "UserId" IN ('user-10','user-20000','user-400000'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "SetId" = 1 AND "UserId" IN ('user-10','user-20000','user-400000');
DELETE FROM rpt_cover WHERE "SetId" = 2 AND "UserId" IN ('user-10','user-20000','user-400000');
DELETE FROM rpt_cover WHERE "SetId" = 3 AND "UserId" IN ('user-10','user-20000','user-400000'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "UserId" IN ('user-10','user-20000','user-400000'); ROLLBACK;
BEGIN; DELETE FROM rpt_cover WHERE "SetId" = 1 AND "UserId" IN ('user-10','user-20000','user-400000');
DELETE FROM rpt_cover WHERE "SetId" = 2 AND "UserId" IN ('user-10','user-20000','user-400000');
DELETE FROM rpt_cover WHERE "SetId" = 3 AND "UserId" IN ('user-10','user-20000','user-400000'); ROLLBACK;
