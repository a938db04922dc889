using System.Text.Json;
using System.Text.Json.Serialization;
using Training.Courses.Scorm.Data;
using Training.Courses.Scorm.Runtime;

namespace Training.Courses.Scorm.Content;

/// <summary>The runtime script served inside the frame: <c>scorm-api.js</c> (embedded) called with the rule table of
/// the edition, its error codes and the attempt's values, so <c>GetValue</c> answers at once from the frame's copy.</summary>
internal static class ShimScript
{
    private static readonly string Source = Read();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Safe inside a script: <, > and & are escaped, so a value cannot close the script or open a comment.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
    };

    public static string Build(ScormVersion version, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> fixedValues)
    {
        var config = new
        {
            version = version == ScormVersion.Scorm12 ? "1.2" : "2004",
            rules = CmiData.RulesOf(version),
            errors = version == ScormVersion.Scorm12 ? Cmi12Model.Errors : Cmi2004Model.Errors,
            values,
            @fixed = fixedValues,
            real = CmiPatterns.Real,
        };
        return Source + "\n(" + JsonSerializer.Serialize(config, Json) + ");\n";
    }

    private static string Read()
    {
        using var stream = typeof(ShimScript).Assembly.GetManifestResourceStream("courses-scorm/scorm-api.js")
            ?? throw new InvalidOperationException("scorm-api.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
