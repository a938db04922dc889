using netDumbster.smtp;
using Training.Testing;

namespace Training.Site.Tests.Cluster;

/// <summary>What the fake SMTP server received, by recipient. netDumbster keeps its messages in a ConcurrentBag, whose
/// order is not the order of arrival, so "the messages after the first n" cannot be taken by position; and the
/// nodes' start-up daily jobs (weekly digests, report deadlines) mail demo users through the same outbox, so a test
/// counts only the messages to the recipients it queued.</summary>
internal static class ReceivedMail
{
    /// <summary>The queued addresses of <paramref name="prefix"/> as <see cref="ClusterArrangement.EnqueueEmailsAsync"/> writes them.</summary>
    public static HashSet<string> Addresses(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => $"{prefix}{i:000}@nodes.test").ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many messages each of <paramref name="recipients"/> received (absent: none).</summary>
    /// <param name="subject">Only messages whose subject this accepts (e.g. reminders, not certificates); all when null.</param>
    public static Dictionary<string, int> To(this SimpleSmtpServer smtp, IReadOnlySet<string> recipients, Func<string, bool>? subject = null) =>
        smtp.ReceivedNow().Where(m => subject is null || subject(m.Subject ?? "")).Select(m => m.ToAddresses.Single().Address).Where(recipients.Contains)
            .GroupBy(a => a, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Messages to anyone else, for the test log: "address × count".</summary>
    public static string Others(this SimpleSmtpServer smtp, IReadOnlySet<string> recipients) =>
        string.Join(", ", smtp.ReceivedNow().Select(m => m.ToAddresses.Single().Address).Where(a => !recipients.Contains(a))
            .GroupBy(a => a).Select(g => $"{g.Key} × {g.Count()}"));
}
