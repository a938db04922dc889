namespace Training.Abstractions.Events;

/// <summary>The legal library's documents or articles changed (a corpus import added, changed or removed some).
/// Citations resolved before the change may now resolve differently: a module that records them resolves them again.</summary>
public sealed record LegalLibraryChanged(Guid EventId, DateTimeOffset OccurredAt, int Added, int Updated, int Removed) : IDomainEvent;
