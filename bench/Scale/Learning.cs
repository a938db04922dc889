using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Training.Scale.Bench;

/// <summary>Enrolments (Courses' table): about ten a person. A person who earned a programme completed its course
/// just before the certificate's first issue; the other courses are completed or still in progress; one chosen
/// course in twelve also has an earlier run replaced by a retake (not current).</summary>
internal static class Learning
{
    public const int EnrolmentTable = 5;

    public static Task EnrolmentsAsync(TableLoad load, long staff, long target, IReadOnlyList<(Guid Course, Guid Version)> courses) =>
        load.RunAsync("courses_enrolments", "\"Id\", \"UserId\", \"CourseId\", \"VersionId\", \"Source\", \"EnrolledAt\", \"DueOn\", \"CompletedAt\", \"IsCurrent\"", w =>
        {
            var clock = Stopwatch.StartNew();
            long rows = 0;
            var perPerson = target / staff;
            for (long p = 0; p < staff; p++)
            {
                // Between perPerson - 4 and perPerson + 4 a person, summing exactly to target over whole blocks of nine.
                var slots = (int)(p >= staff - staff % 9 ? perPerson + (p == staff - 1 ? target - perPerson * staff : 0) : perPerson + p % 9 - 4);
                var user = OrgModel.UserId(p);
                var salt = 0;
                void Emit(int course, DateTime enrolled, DateTime? completed, bool current, bool assigned)
                {
                    var (courseId, versionId) = courses[course];
                    w.StartRow();
                    w.Write(Hash.Id(EnrolmentTable, rows), NpgsqlDbType.Uuid);
                    w.Write(user, NpgsqlDbType.Varchar);
                    w.Write(courseId, NpgsqlDbType.Uuid);
                    w.Write(versionId, NpgsqlDbType.Uuid);
                    w.Write(assigned ? 1 : 0, NpgsqlDbType.Integer);
                    w.Write(enrolled, NpgsqlDbType.TimestampTz);
                    if (assigned) w.Write(DateOnly.FromDateTime(enrolled).AddDays(90), NpgsqlDbType.Date); else w.WriteNull();
                    if (completed is { } c) w.Write(c, NpgsqlDbType.TimestampTz); else w.WriteNull();
                    w.Write(current, NpgsqlDbType.Boolean);
                    rows++;
                    slots--;
                    TableLoad.Progress("courses_enrolments", rows, clock);
                }
                void Course(int course, DateTime enrolled, DateTime? completed, bool assigned)
                {
                    if (slots >= 2 && Hash.Unit(p, 500 + salt++) < 1.0 / 12)
                        Emit(course, enrolled.AddDays(-30 - Hash.Below(p, 500 + salt++, 200)), null, false, assigned);
                    Emit(course, enrolled, completed, true, assigned);
                }
                for (var j = 0; j < Catalogue.Programmes.Length && slots > 0; j++)
                {
                    if (Catalogue.FirstIssued(p, j) is { } issued)
                    {
                        var done = At(issued, p, 600 + j);
                        Course(j, done.AddDays(-5 - Hash.Below(p, 610 + j, 85)), done.AddHours(-1), true);
                    }
                    else if (Hash.Unit(p, 620 + j) < 0.3)
                        Course(j, At(Catalogue.Today.AddDays(-1 - Hash.Below(p, 630 + j, 120)), p, 640 + j), null, true);
                }
                // The other courses, distinct: a walk of step 7 through the 34 others (7 and 34 are coprime).
                var others = Catalogue.CourseCount - Catalogue.Programmes.Length;
                var start = Hash.Below(p, 650, others);
                for (var t = 0; slots > 0 && t < others; t++)
                {
                    var course = Catalogue.Programmes.Length + (start + t * 7) % others;
                    var enrolled = At(DateOnly.FromDayNumber(Catalogue.First.DayNumber + Hash.Below(p, 700 + t, Catalogue.Span)), p, 710 + t);
                    var completed = enrolled.AddDays(1 + Hash.Below(p, 720 + t, 60));
                    var isDone = Hash.Unit(p, 730 + t) < 0.6 && DateOnly.FromDateTime(completed) < Catalogue.Today;
                    Course(course, enrolled, isDone ? completed : null, Hash.Unit(p, 740 + t) < 0.5);
                }
                if (slots != 0) throw new InvalidOperationException($"Person {p} has {slots} enrolments left over.");
            }
            return Task.FromResult(rows);
        });

    /// <summary>A time during office hours (Vietnam, UTC+7) on the day.</summary>
    public static DateTime At(DateOnly day, long p, int salt) =>
        day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddMinutes(Hash.Below(p, salt, 9 * 60));
}
