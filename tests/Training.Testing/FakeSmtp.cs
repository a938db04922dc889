using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace Training.Testing;

/// <summary>A fake SMTP server (netDumbster) on loopback with a random port, the settings that point the site at it,
/// and its messages parsed with MimeKit (attachments included).</summary>
public sealed class FakeSmtp : IDisposable
{
    private readonly SimpleSmtpServer _server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    public int Port => _server.Configuration.Port;

    public int Count => _server.ReceivedEmailCount;

    /// <summary>The <c>Smtp</c> settings for this server (no TLS).</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture), ["Smtp:Security"] = "None",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    /// <summary>Every message received so far (netDumbster keeps no order of arrival).</summary>
    public IReadOnlyList<MimeMessage> Messages => _server.ReceivedNow()
        .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages arrived; false when the timeout passed first.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_server.ReceivedEmailCount < count)
        {
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }

    public void Dispose() => _server.Dispose();
}

/// <summary>Reading a netDumbster server while messages arrive.</summary>
public static class SmtpServerReading
{
    /// <summary>What the server holds now. Its <c>ReceivedEmail</c> getter can throw <see cref="IndexOutOfRangeException"/>
    /// when a message arrives while it copies (seen under load, a CI-like run): read again.</summary>
    public static List<SmtpMessage> ReceivedNow(this SimpleSmtpServer server)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return [.. server.ReceivedEmail];
            }
            catch (IndexOutOfRangeException) when (attempt < 20)
            {
                Thread.Sleep(10);
            }
        }
    }
}
