namespace Training.LegalLibrary.Import;

/// <summary>What the background import is doing, for the search page's empty state and the log.</summary>
public sealed class ImportStatus
{
    private volatile string? _running;
    private volatile string? _error;

    public bool Running => _running is not null;
    public string? Step => _running;
    public string? LastError => _error;

    public void Start(string step) { _running = step; _error = null; }
    public void Progress(string step) => _running = step;
    public void Finish() => _running = null;
    public void Fail(string error) { _error = error; _running = null; }
}
