using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Audiences;
using Training.Abstractions.Organisation;
using Training.Organisation.Audiences;
using Training.Organisation.Data;
using Training.Platform.Time;

namespace Training.Organisation.Pages.Hr.Audiences;

/// <summary>Creates or edits an audience rule inside the HR user's scope, evaluates it at once and shows its size
/// (a rule that matches nobody is saved, with a warning) and what its assignments became.</summary>
[Authorize(Policy = Permissions.ManageAudiences)]
public sealed class AudienceEditModel(OrganisationDbContext db, IUserScope scopes, AudienceEvaluator evaluator, IServiceProvider services,
    TimeProvider clock, IUnitSearch unitSearch) : PageModel
{
    [BindProperty] public AudienceForm Form { get; set; } = new();
    public Audience? Audience { get; private set; }
    public IReadOnlyList<UnitChoice> Chosen { get; private set; } = [];
    public UnitPickerField Picker { get; private set; } = null!;
    [BindProperty] public Guid? AddUnitId { get; set; }
    [BindProperty(Name = "AddUnitId_q")] public string? AddQuery { get; set; }

    /// <summary>Name of the button that adds the picked unit to the rule without saving.</summary>
    public const string AddButton = "unitpicker_add";
    public List<string> KnownCategories { get; private set; } = [];
    public List<string> KnownPositions { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public int Size { get; private set; }
    public AudienceProgress? Progress { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool saved, CancellationToken ct)
    {
        var scope = await scopes.GetScopeAsync(User, ct);
        if (id is { } existing)
        {
            Audience = await FindAsync(existing, scope, ct);
            if (Audience is null) return NotFound();
            Form = AudienceForm.From(Audience);
        }
        else Form.StartsOn = clock.Today();
        Saved = saved;
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var scope = await scopes.GetScopeAsync(User, ct);
        Audience? audience = null;
        if (id is { } existing && (audience = await FindAsync(existing, scope, ct)) is null) return NotFound();
        // The unit picker adds one unit to the rule's list; a no-script search or "Thêm" shows the form again unsaved.
        var adding = Request.Form.ContainsKey(AddButton);
        if (AddUnitId is { } add && !Form.UnitIds.Contains(add)) Form.UnitIds.Add(add);
        if (adding || Request.IsUnitSearch())
        {
            if (adding && AddUnitId is not null && await unitSearch.FindAsync(User, AddUnitId.Value, ct) is null)
                Errors.Add("Đơn vị: đơn vị vừa chọn không có hoặc nằm ngoài phạm vi quản lý của bạn.");
            if (adding) (AddUnitId, AddQuery) = (null, null);
            Audience = audience;
            await LoadAsync(scope, ct);
            return Page();
        }
        Errors = Form.Validate(scope);
        if (Errors.Count > 0)
        {
            Audience = audience;
            await LoadAsync(scope, ct);
            return Page();
        }
        var now = clock.GetUtcNow();
        if (audience is null)
        {
            audience = new Audience
            {
                Id = Guid.NewGuid(), CreatedAt = now, CreatedBy = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", OwnerUnitId = scope.RootUnitId,
            };
            db.Audiences.Add(audience);
        }
        else db.Audiences.Attach(audience);
        Form.CopyTo(audience);
        audience.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await evaluator.EvaluateAsync(audience.Id, ct: ct);
        return Redirect($"/hr/audiences/edit/{audience.Id}?saved=true");
    }

    private async Task<Audience?> FindAsync(Guid id, UnitScope scope, CancellationToken ct)
    {
        var a = await db.Audiences.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is not null && AudienceDirectory.InScope(a, scope) ? a : null;
    }

    private async Task LoadAsync(UnitScope scope, CancellationToken ct)
    {
        Chosen = await unitSearch.FindManyAsync(User, Form.UnitIds, ct);
        Picker = await unitSearch.PickerAsync(User, "AddUnitId", "units", AddUnitId, AddQuery, Request.IsUnitSearch(), required: false, ct: ct);
        var units = db.Units.AsNoTracking();
        if (!scope.All) units = units.Where(u => scope.UnitIds.Contains(u.Id));
        var visible = await units.Select(u => u.Id).ToListAsync(ct);
        var people = db.Users.AsNoTracking().Where(u => u.PrimaryUnitId != null && visible.Contains(u.PrimaryUnitId.Value));
        KnownCategories = await people.Where(u => u.StaffCategory != null).Select(u => u.StaffCategory!).Distinct().OrderBy(c => c).Take(40).ToListAsync(ct);
        KnownPositions = await people.Where(u => u.Position != null).Select(u => u.Position!).Distinct().OrderBy(c => c).Take(40).ToListAsync(ct);
        if (Audience is null) return;
        Size = await db.AudienceMembers.CountAsync(m => m.AudienceId == Audience.Id && m.LeftOn == null, ct);
        if (services.GetService<IAudienceProgress>() is { } progress)
            Progress = (await progress.GetProgressAsync([Audience.Id], ct)).GetValueOrDefault(Audience.Id);
    }
}
