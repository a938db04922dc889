using Training.LegalLibrary.Data;

namespace Training.LegalLibrary.Pages.Legal;

/// <summary>What the validity line shows: the status, the replacing document's number and date, and the replacing
/// document itself when the library has it (then linked). For a pháp điển article the replacement is its source's.</summary>
public sealed record ValidityView(ValidityStatus Status, string? ReplacedBy, DateOnly? ReplacedFrom, LegalDocument? Replacement);
