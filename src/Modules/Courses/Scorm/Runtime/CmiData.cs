using System.Globalization;
using System.Text.RegularExpressions;
using Training.Courses.Scorm.Data;

namespace Training.Courses.Scorm.Runtime;

/// <summary>The CMI data of one attempt with the rules of its edition: what <c>GetValue</c> and <c>SetValue</c>
/// answer, with the edition's error codes. The server applies every value a SCO commits through it, so a value the
/// in-frame runtime would have refused is refused again here (the frame is not trusted).
/// <c>scorm-api.js</c> applies the same rule table, sent to it as JSON, to answer the SCO synchronously.</summary>
public sealed class CmiData
{
    /// <summary>Most values and characters one attempt may hold (interactions included).</summary>
    public const int MaxValues = 5000;
    public const int MaxChars = 1_000_000;

    private readonly Dictionary<string, string> _values;
    private readonly IReadOnlyDictionary<string, string> _fixed;
    private int _chars;

    /// <param name="values">The values the SCO set so far (changed in place).</param>
    /// <param name="fixedValues">Read-only values the LMS supplies (learner, entry, total time, credit...).</param>
    public CmiData(ScormVersion version, Dictionary<string, string> values, IReadOnlyDictionary<string, string>? fixedValues = null)
    {
        Version = version;
        Rules = RulesOf(version);
        Errors = version == ScormVersion.Scorm12 ? Cmi12Model.Errors : Cmi2004Model.Errors;
        _values = values;
        _fixed = fixedValues ?? new Dictionary<string, string>();
        _chars = values.Sum(v => v.Key.Length + v.Value.Length);
    }

    public ScormVersion Version { get; }
    public IReadOnlyDictionary<string, CmiRule> Rules { get; }
    public CmiErrors Errors { get; }
    public IReadOnlyDictionary<string, string> Values => _values;

    public static IReadOnlyDictionary<string, CmiRule> RulesOf(ScormVersion version) =>
        version == ScormVersion.Scorm12 ? Cmi12Model.Rules : Cmi2004Model.Rules;

    public (string Value, int Error) Get(string element)
    {
        var (key, indexes) = Normalise(element);
        if (!Rules.TryGetValue(key, out var rule))
        {
            if (key.EndsWith("._children", StringComparison.Ordinal)) return ("", Errors.NoChildren);
            if (key.EndsWith("._count", StringComparison.Ordinal)) return ("", Errors.NoCount);
            return ("", Errors.Undefined);
        }
        if (rule.Access == CmiAccess.WriteOnly) return ("", Errors.WriteOnly);
        if (!IndexesExist(element, indexes, creating: false)) return ("", Errors.GetFailure);
        if (rule.Type == CmiType.Keyword && key.EndsWith("._count", StringComparison.Ordinal))
            return (Count(element[..^"._count".Length]).ToString(CultureInfo.InvariantCulture), 0);
        if (_values.TryGetValue(element, out var value) || _fixed.TryGetValue(element, out value)) return (value, 0);
        return rule.Default is { } d ? (d, 0) : ("", Errors.NotInitialized);
    }

    public int Set(string element, string? value)
    {
        value ??= "";
        var (key, indexes) = Normalise(element);
        if (!Rules.TryGetValue(key, out var rule))
            return key.EndsWith("._children", StringComparison.Ordinal) || key.EndsWith("._count", StringComparison.Ordinal) ? Errors.Keyword : Errors.Undefined;
        if (rule.Type == CmiType.Keyword) return Errors.Keyword;
        if (rule.Access == CmiAccess.ReadOnly) return Errors.ReadOnly;
        if (Check(rule, value) is var error and not 0) return error;
        if (!IndexesExist(element, indexes, creating: true)) return Errors.OutOfOrder;
        if (Version == ScormVersion.Scorm2004 && NeedsId(key) && !HasParentId(element))
            return Errors.Dependency;
        var growth = value.Length - (_values.TryGetValue(element, out var old) ? old.Length : -element.Length);
        if ((old is null && _values.Count >= MaxValues) || _chars + growth > MaxChars) return Errors.SetFailure;
        _values[element] = value;
        _chars += growth;
        return 0;
    }

    private int Check(CmiRule rule, string value)
    {
        switch (rule.Type)
        {
            case CmiType.Text:
                return value.Length <= rule.MaxLength ? 0 : Errors.OutOfRange;
            case CmiType.Vocabulary:
                return rule.Vocabulary!.Contains(value) ? 0 : Errors.TypeMismatch;
            case CmiType.VocabularyOrReal:
                return rule.Vocabulary!.Contains(value) || Regex.IsMatch(value, CmiPatterns.Real) ? 0 : Errors.TypeMismatch;
            case CmiType.Pattern:
                return Regex.IsMatch(value, rule.Pattern!) ? 0 : Errors.TypeMismatch;
            case CmiType.Real:
                if (value.Length == 0 && rule.AllowBlank) return 0;
                if (!Regex.IsMatch(value, CmiPatterns.Real) || !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    return Errors.TypeMismatch;
                return (rule.Min is { } min && d < min) || (rule.Max is { } max && d > max) ? Errors.OutOfRange : 0;
            default:
                return Errors.TypeMismatch;
        }
    }

    /// <summary>Each index must name an existing entry of its collection, or (when setting) the next one.</summary>
    private bool IndexesExist(string element, List<int> indexes, bool creating)
    {
        if (indexes.Count == 0) return true;
        var parts = element.Split('.');
        var seen = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index)) continue;
            var count = Count(string.Join('.', parts[..i]));
            if (index > count || (index == count && !creating)) return false;
            if (++seen == indexes.Count) break;
        }
        return true;
    }

    /// <summary>2004: an interaction's or objective's other fields may be set only once its id is (error 408).</summary>
    private static bool NeedsId(string key) =>
        (key.StartsWith("cmi.interactions.n.", StringComparison.Ordinal) || key.StartsWith("cmi.objectives.n.", StringComparison.Ordinal))
        && key is not ("cmi.interactions.n.id" or "cmi.objectives.n.id");

    private bool HasParentId(string element)
    {
        var parts = element.Split('.');
        return _values.ContainsKey(string.Join('.', parts[..3]) + ".id");
    }

    /// <summary>Entries of the collection at <paramref name="prefix"/> (indexes are dense from 0, as Set enforces).</summary>
    public int Count(string prefix)
    {
        var start = prefix + ".";
        var max = -1;
        foreach (var key in _values.Keys)
        {
            if (!key.StartsWith(start, StringComparison.Ordinal)) continue;
            var rest = key.AsSpan(start.Length);
            var dot = rest.IndexOf('.');
            if (int.TryParse(dot < 0 ? rest : rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i > max) max = i;
        }
        return max + 1;
    }

    private static (string Key, List<int> Indexes) Normalise(string element)
    {
        var parts = (element ?? "").Split('.');
        var indexes = new List<int>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length is > 0 and < 6 && parts[i].All(char.IsAsciiDigit))
            {
                indexes.Add(int.Parse(parts[i], CultureInfo.InvariantCulture));
                parts[i] = "n";
            }
        }
        return (string.Join('.', parts), indexes);
    }
}
