namespace Training.Organisation.Roster;

/// <summary>One validated line of a roster file. <see cref="UnitPath"/> lists unit names from the root down.</summary>
public sealed record RosterRow(
    int Line,
    string StaffCode,
    string FullName,
    string? Email,
    IReadOnlyList<string> UnitPath,
    IReadOnlyList<IReadOnlyList<string>> ExtraUnitPaths,
    string? Position,
    string? StaffCategory);

/// <summary>An error tied to a line (1 = header) and a column, in Vietnamese.</summary>
public sealed record RosterError(int Line, string Column, string Message)
{
    public override string ToString() => Line > 0 ? $"Dòng {Line}, cột «{Column}»: {Message}" : $"{Column}: {Message}";
}

/// <summary>What an import did, or would have done. Nothing was written unless <see cref="Succeeded"/>.</summary>
public sealed record RosterImportResult(
    IReadOnlyList<RosterError> Errors, int Created, int Updated, int Unchanged, int UnitsCreated)
{
    /// <summary>Units the file names that do not exist yet, with the first line naming each.</summary>
    public IReadOnlyList<PlannedUnit> NewUnits { get; init; } = [];

    /// <summary>True when the file is valid but would create units that were not confirmed: nothing was written.</summary>
    public bool NeedsConfirmation { get; init; }

    /// <summary>Identifies the set of new units shown for confirmation, so that a confirmation applies to that set only.</summary>
    public string? UnitsFingerprint { get; init; }

    /// <summary>Where the time went, for logs and the benchmark.</summary>
    public RosterTimings Timings { get; init; } = new();

    public bool Succeeded => Errors.Count == 0 && !NeedsConfirmation;
}

/// <summary>A unit an import would create; <see cref="Suggestion"/> is an existing unit with a close name, if any.</summary>
public sealed record PlannedUnit(string Path, int Line, string? Suggestion);

/// <summary>How to import.</summary>
/// <param name="CreateUnits">Create the units the file names that do not exist yet; otherwise stop and list them.</param>
/// <param name="ConfirmedUnits">When set, the fingerprint of the new units the user confirmed: a different set stops again.</param>
/// <param name="Source">Told to the roster change listeners: <c>import</c>, <c>api</c>, <c>cli</c>.</param>
public sealed record RosterImportOptions(bool CreateUnits = false, string? ConfirmedUnits = null, string Source = "import")
{
    public static RosterImportOptions CreatingUnits { get; } = new(CreateUnits: true);
}

/// <summary>Durations of the import's phases; <see cref="Write"/> is the write transaction alone.</summary>
public sealed record RosterTimings
{
    public TimeSpan Parse { get; set; }
    public TimeSpan Load { get; set; }

    /// <summary>The part of <see cref="Load"/> spent reading the units and the people the file could match (the rest:
    /// their memberships, roles and claims).</summary>
    public TimeSpan LoadPeople { get; set; }
    public TimeSpan Plan { get; set; }
    public TimeSpan Stage { get; set; }
    public TimeSpan Write { get; set; }

    /// <summary>The roster change listeners after the commit (audience evaluation).</summary>
    public TimeSpan Listeners { get; set; }
    public int Attempts { get; set; }
}
