using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Certification.Data;
using Training.Courses.Data;

namespace Training.Certification.Tests.Cycles;

/// <summary>A site whose learner <c>hocvien</c> earned cycle 1 of a 24-month programme by completing the test course
/// through the site (Courses → outbox → Certification), with the background scanner off so tests drive it.</summary>
public sealed record CycleWorld(TrainingApp App, FakeTimeProvider Clock, Classroom Room, Programme Programme, Certificate First)
{
    public static async Task<CycleWorld> CreateAsync(TestDatabase database = TestDatabase.Sqlite, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?> { ["Certification:Recertification:Enabled"] = "false" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var (app, clock) = CertificationHost.Create(database, all);
        if (configure is not null) app.WithServices(configure);
        var room = await app.ArrangeClassroomAsync();
        var programme = await app.AddProgrammeAsync(courses: room.Course.Code, months: 24);
        await room.Client.CompleteAsync(app, room.Course);
        var first = await EventuallyAsync(app, async () => (await app.CertificatesAsync(room.Learner.Id)).SingleOrDefault());
        return new CycleWorld(app, clock, room, programme, first);
    }

    public string UserId => Room.Learner.Id;

    public Task<List<CycleAssignment>> CycleAssignmentsAsync() => App.WithScopeAsync(sp =>
        sp.GetRequiredService<CoursesDbContext>().CycleAssignments.AsNoTracking().Where(a => a.UserId == UserId).ToListAsync());

    public Task<List<Enrolment>> RunsAsync() => App.WithScopeAsync(sp =>
        sp.GetRequiredService<CoursesDbContext>().Enrolments.AsNoTracking().Where(e => e.UserId == UserId).ToListAsync());

    public Task<List<CertificationCycle>> CyclesAsync() => App.WithScopeAsync(sp =>
        sp.GetRequiredService<CertificationDbContext>().Cycles.AsNoTracking().Where(c => c.UserId == UserId).ToListAsync());

    /// <summary>Waits (up to 30 s) for the outbox to deliver: returns the first non-null, non-empty value. A delivery
    /// that failed once is made due at the frozen clock's now (<see cref="Outboxes.RetryFailedOutboxMessagesAsync"/>).</summary>
    public static async Task<T> EventuallyAsync<T>(TrainingApp app, Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await probe();
            if (value is not null && value is not System.Collections.ICollection { Count: 0 }) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The outbox did not deliver in 30 s.");
            await app.RetryFailedOutboxMessagesAsync();
            await Task.Delay(100);
        }
    }
}
