namespace Training.Reporting.Status;

/// <summary>The set-based statements that derive the cover tables from <c>rpt_staff</c> and <c>rpt_person_status</c>,
/// for everyone (a rebuild) or for some people (a refresh). Totals and population are written as upserts that add
/// <paramref name="sign"/> × the counts, so a refresh subtracts a person's old rows and adds their new ones; rows are
/// produced in key order, so concurrent refreshes lock shared totals in the same order.</summary>
internal static class CoverStatements
{
    /// <summary>Cover rows of a set: per person, the union of their spans in the set's programmes (gaps and islands:
    /// a span starting at most a day after the previous ones ended continues the island), once per post.</summary>
    public static string InsertCover(CoverSql sql, int set, IReadOnlyList<Guid> programmes, IReadOnlyCollection<string>? users)
    {
        var max = sql.P(DateOnly.MaxValue);
        var who = users is null ? "" : $" AND \"UserId\" IN ({sql.List(users)})";
        return $"""
            WITH spans AS (
              SELECT "UserId" AS u, "ValidFrom" AS f,
                {sql.Least($"COALESCE(\"ValidUntil\", {max})", $"COALESCE({sql.PrevDay("\"RevokedOn\"")}, {max})")} AS e
              FROM rpt_person_status WHERE "ProgrammeId" IN ({sql.List(programmes)}){who}),
            marked AS (
              SELECT u, f, e, CASE WHEN {sql.PrevDay("f")} <= MAX(e) OVER (PARTITION BY u ORDER BY f, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                THEN 0 ELSE 1 END AS starts
              FROM spans WHERE e >= f),
            grouped AS (SELECT u, f, e, SUM(starts) OVER (PARTITION BY u ORDER BY f, e ROWS UNBOUNDED PRECEDING) AS g FROM marked),
            islands AS (SELECT u, MIN(f) AS f, MAX(e) AS e FROM grouped GROUP BY u, g)
            INSERT INTO rpt_cover ("SetId", "UserId", "UnitId", "Category", "MinDepth", "ValidFrom", "ValidTo", "FromKey", "ToKey")
            SELECT {sql.P(set)}, s."UserId", s."UnitId", COALESCE(s."Category", ''), s."MinDepth", i.f,
              CASE WHEN i.e = {max} THEN NULL ELSE i.e END, {sql.MonthEnd("i.f")},
              CASE WHEN i.e = {max} THEN {max} WHEN i.e = {sql.MonthEnd("i.e")} THEN i.e ELSE {sql.PrevMonthEnd("i.e")} END
            FROM islands i JOIN rpt_staff s ON s."UserId" = i.u
            """;
    }

    /// <summary>Adds <paramref name="sign"/> × the set's cover rows (of <paramref name="users"/>, or all) to the totals of
    /// every ancestor. Spans that hold no month end whole are left out: no day reads them from the totals.</summary>
    public static string UpsertTotals(CoverSql sql, int set, int sign, IReadOnlyCollection<string>? users)
    {
        var who = users is null ? "" : $" AND c.\"UserId\" IN ({sql.List(users)})";
        return $"""
            INSERT INTO rpt_cover_totals ("SetId", "AncestorId", "Category", "FromKey", "ToKey", "N", "Extra", "Own")
            SELECT c."SetId", k."AncestorId", c."Category", c."FromKey", c."ToKey",
              {sign} * SUM(CASE WHEN c."MinDepth" <= k."AncestorDepth" THEN 1 ELSE 0 END),
              {sign} * SUM(CASE WHEN c."MinDepth" = k."AncestorDepth" + 1 THEN 1 ELSE 0 END),
              {sign} * SUM(CASE WHEN k."Own" THEN 1 ELSE 0 END)
            FROM rpt_cover c JOIN rpt_unit_closure k ON k."UnitId" = c."UnitId"
            WHERE c."SetId" = {sql.P(set)} AND c."ToKey" >= c."FromKey" AND (c."MinDepth" <= k."AncestorDepth" + 1 OR k."Own"){who}
            GROUP BY c."SetId", k."AncestorId", c."Category", c."FromKey", c."ToKey"
            ORDER BY c."SetId", k."AncestorId", c."Category", c."FromKey", c."ToKey"
            ON CONFLICT ("SetId", "AncestorId", "Category", "FromKey", "ToKey") DO UPDATE SET
              "N" = rpt_cover_totals."N" + excluded."N", "Extra" = rpt_cover_totals."Extra" + excluded."Extra", "Own" = rpt_cover_totals."Own" + excluded."Own"
            """;
    }

    /// <summary>Adds <paramref name="sign"/> × the staff posts (of <paramref name="users"/>, or all) to every ancestor's population.</summary>
    public static string UpsertPopulation(CoverSql sql, int sign, IReadOnlyCollection<string>? users)
    {
        var who = users is null ? "" : $" AND s.\"UserId\" IN ({sql.List(users)})";
        return $"""
            INSERT INTO rpt_cover_population ("AncestorId", "Category", "N", "Extra", "Shared", "Own")
            SELECT k."AncestorId", COALESCE(s."Category", ''),
              {sign} * SUM(CASE WHEN s."MinDepth" <= k."AncestorDepth" THEN 1 ELSE 0 END),
              {sign} * SUM(CASE WHEN s."MinDepth" = k."AncestorDepth" + 1 THEN 1 ELSE 0 END),
              {sign} * SUM(CASE WHEN s."MinDepth" = k."AncestorDepth" + 1 AND s."Shares" THEN 1 ELSE 0 END),
              {sign} * SUM(CASE WHEN k."Own" THEN 1 ELSE 0 END)
            FROM rpt_staff s JOIN rpt_unit_closure k ON k."UnitId" = s."UnitId"
            WHERE (s."MinDepth" <= k."AncestorDepth" + 1 OR k."Own"){who}
            GROUP BY k."AncestorId", COALESCE(s."Category", '')
            ORDER BY k."AncestorId", COALESCE(s."Category", '')
            ON CONFLICT ("AncestorId", "Category") DO UPDATE SET "N" = rpt_cover_population."N" + excluded."N",
              "Extra" = rpt_cover_population."Extra" + excluded."Extra", "Shared" = rpt_cover_population."Shared" + excluded."Shared",
              "Own" = rpt_cover_population."Own" + excluded."Own"
            """;
    }

    /// <summary>Removes the totals of <paramref name="units"/>' ancestors that a refresh brought to nothing.</summary>
    public static string DeleteEmptyTotals(CoverSql sql, int set, IReadOnlyCollection<Guid> units) => $"""
        DELETE FROM rpt_cover_totals WHERE "SetId" = {sql.P(set)} AND "N" = 0 AND "Extra" = 0 AND "Own" = 0
          AND "AncestorId" IN (SELECT "AncestorId" FROM rpt_unit_closure WHERE "UnitId" IN ({sql.List(units)}))
        """;

    public static string DeleteEmptyPopulation(CoverSql sql, IReadOnlyCollection<Guid> units) => $"""
        DELETE FROM rpt_cover_population WHERE "N" = 0 AND "Extra" = 0 AND "Shared" = 0 AND "Own" = 0
          AND "AncestorId" IN (SELECT "AncestorId" FROM rpt_unit_closure WHERE "UnitId" IN ({sql.List(units)}))
        """;

    /// <summary>Removes the people's cover rows of one set. The set comes first in every index of <c>rpt_cover</c>: without
    /// it the delete would read the whole table.</summary>
    public static string DeleteCover(CoverSql sql, int set, IReadOnlyCollection<string> users) =>
        $"DELETE FROM rpt_cover WHERE \"SetId\" = {sql.P(set)} AND \"UserId\" IN ({sql.List(users)})";
}
