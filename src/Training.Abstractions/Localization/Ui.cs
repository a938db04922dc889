namespace Training.Abstractions.Localization;

/// <summary>Marker for the shared UI string table. Keys are the Vietnamese texts (the default UI language);
/// <c>Ui.en.resx</c> translates them to English. A missing key falls back to the Vietnamese text.</summary>
public sealed class Ui
{
}
