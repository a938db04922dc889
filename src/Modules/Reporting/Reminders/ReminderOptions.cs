namespace Training.Reporting.Reminders;

/// <summary>Reminder scanning, bound from the <c>Reminders</c> section.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the daily scan in the background.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Certificates ending within this many days produce a reminder.</summary>
    public int ExpiringWithinDays { get; set; } = 60;

    /// <summary>Local (UTC+7) hour of the daily scan.</summary>
    public int HourOfDay { get; set; } = 6;
}
