namespace VocEdAlliance.Web.Platform;

/// <summary>Outgoing mail (section <c>Smtp</c>). With no host configured, the portal sends no e-mail: notifications
/// stay in the portal's inbox. See docs/operations.md ("E-mail").</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>STARTTLS when the server offers it (<c>false</c>: plain, for a relay on the intranet), or TLS from the
    /// first byte on port 465.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "vocedalliance@localhost";

    /// <summary>The portal's address as its users reach it (<c>https://voced.example.gov.cn</c>), for the link in each
    /// e-mail; without it the e-mail names the page's path only.</summary>
    public string? PortalUrl { get; set; }

    /// <summary>How often the outbox worker looks for mail to send.</summary>
    public int PollSeconds { get; set; } = 15;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
