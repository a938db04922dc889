using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Hosting;
using Training.Abstractions.Organisation;
using Training.Reporting.Data;

namespace Training.Reporting.Seed;

/// <summary>Seeds the five demo plans once (idempotent on the plan titles).</summary>
internal sealed class DemoPlansSeeder : IDemoSeeder
{
    public int Order => 40;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ReportingDbContext>();
        var units = await services.GetRequiredService<IOrgDirectory>().GetUnitsAsync(ct);
        var existing = await db.Plans.Select(p => p.Title).ToListAsync(ct);
        foreach (var spec in DemoPlans.All.Where(s => !existing.Contains(s.Title)))
        {
            db.Plans.Add(Create(spec, units));
        }
        await db.SaveChangesAsync(ct);
    }

    internal static Plan Create(DemoPlans.PlanSpec spec, IReadOnlyList<OrgUnitInfo> units)
    {
        Guid? Find(string? name) => name is null ? null : units.Where(u => u.Name == name).OrderBy(u => u.Depth).Select(u => (Guid?)u.Id).FirstOrDefault();
        var plan = new Plan
        {
            Id = Guid.NewGuid(), Number = spec.Number, Title = spec.Title, Issuer = spec.Issuer, IssuedOn = spec.IssuedOn,
            FromYear = spec.From, ToYear = spec.To, BasisNumber = spec.Basis, Note = spec.Note, UnitId = Find(spec.IssuerUnit),
        };
        if (Deadlines.ReportDeadline.Parse(spec.ReportDeadline, out _) is { } deadline && spec.ReportDeadline is not null)
            (plan.ReportDeadlineDay, plan.ReportDeadlineMonth) = (deadline.Day, deadline.Month);
        plan.Phases.AddRange(spec.Phases.Select(p => new PlanPhase { Id = Guid.NewGuid(), Name = p.Name, FromYear = p.From, ToYear = p.To }));
        var ordinal = 0;
        foreach (var t in spec.Targets)
        {
            var target = new PlanTarget
            {
                Id = Guid.NewGuid(), Ordinal = ++ordinal, Indicator = t.Indicator, Kind = t.Kind, UnitId = Find(t.UnitName),
                Categories = t.Categories, ProgrammeCodes = t.Programmes, Note = t.Note,
            };
            target.Milestones.AddRange(t.Milestones.Select(m => new Milestone
            {
                Id = Guid.NewGuid(), DueOn = new DateOnly(m.Year, 12, 31), Percent = m.Percent, Strict = m.Strict,
            }));
            plan.Targets.Add(target);
        }
        return plan;
    }
}
