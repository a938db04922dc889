namespace Training.Abstractions.Cli;

/// <summary>A command-line verb of the host: <c>dotnet run --project src/TrainingSite -- name args</c>.
/// Modules register theirs as singletons; the host dispatches.</summary>
public interface ICliVerb
{
    /// <summary>Verb name, e.g. <c>import-roster</c>.</summary>
    string Name { get; }

    /// <summary>One-line usage shown by <c>help</c>.</summary>
    string Usage { get; }

    /// <summary>Run the verb. Return 0 on success; write a clear message to <see cref="CliContext.Error"/> and return non-zero on failure.</summary>
    Task<int> RunAsync(CliContext context, CancellationToken ct);
}

/// <summary>What a verb gets: its arguments (after the verb name), services and output streams.</summary>
public sealed record CliContext(IReadOnlyList<string> Args, IServiceProvider Services, TextWriter Out, TextWriter Error)
{
    /// <summary>The value after <paramref name="flag"/>, or null.</summary>
    public string? Option(string flag)
    {
        for (var i = 0; i < Args.Count - 1; i++)
        {
            if (Args[i] == flag) return Args[i + 1];
        }
        return null;
    }

    /// <summary>True when the flag is present.</summary>
    public bool Has(string flag) => Args.Contains(flag);

    /// <summary>Arguments that are neither flags nor flag values.</summary>
    public IReadOnlyList<string> Positional(params string[] flagsWithValues)
    {
        var result = new List<string>();
        for (var i = 0; i < Args.Count; i++)
        {
            if (flagsWithValues.Contains(Args[i])) { i++; continue; }
            if (Args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            result.Add(Args[i]);
        }
        return result;
    }
}
