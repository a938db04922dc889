using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Training.Courses.Questions;

/// <summary>Reads an attempt's form: <c>q_{id}</c> chosen options, <c>m_{id}_{prompt}</c> the match chosen for a
/// prompt, <c>o_{id}_{item}</c> the position (1-based) given to an item, <c>t_{id}</c> typed text. Empty selects mean
/// "not answered" (-1).</summary>
public static class ResponseForm
{
    private const int MaxSlots = 8;

    public static Dictionary<Guid, QuestionResponse>? Read(IFormCollection form)
    {
        var selected = new Dictionary<Guid, List<int>>();
        var slots = new Dictionary<Guid, int[]>();
        var texts = new Dictionary<Guid, string>();
        foreach (var (key, values) in form)
        {
            if (key.Length < 3 || key[1] != '_' || "qmot".IndexOf(key[0]) < 0) continue;
            var parts = key[2..].Split('_');
            if (!Guid.TryParse(parts[0], out var id)) return null;
            switch (key[0])
            {
                case 'q' when parts.Length == 1:
                    var list = selected.TryGetValue(id, out var l) ? l : selected[id] = [];
                    foreach (var v in values)
                    {
                        if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
                        list.Add(n);
                    }
                    break;
                case 'm' or 'o' when parts.Length == 2:
                    if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var slot) || slot >= MaxSlots) return null;
                    var value = values.ToString();
                    var chosen = -1;
                    if (value.Length > 0 && !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out chosen)) return null;
                    if (key[0] == 'o' && value.Length > 0) chosen -= 1;
                    var row = slots.TryGetValue(id, out var r) ? r : slots[id] = Enumerable.Repeat(-1, MaxSlots).ToArray();
                    row[slot] = chosen;
                    break;
                case 't' when parts.Length == 1:
                    texts[id] = values.ToString();
                    break;
                default:
                    return null;
            }
        }
        var result = new Dictionary<Guid, QuestionResponse>();
        foreach (var (id, list) in selected) result[id] = new QuestionResponse([.. list]);
        foreach (var (id, row) in slots)
        {
            if (result.ContainsKey(id)) return null;
            var last = Array.FindLastIndex(row, i => i != -1);
            result[id] = new QuestionResponse(row[..(last + 1)]);
        }
        foreach (var (id, text) in texts)
        {
            if (result.ContainsKey(id)) return null;
            result[id] = new QuestionResponse([], text);
        }
        return result;
    }
}
