using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace VocEdAlliance.Web.Platform;

/// <summary>Outgoing mail (section <c>Smtp</c>). With no host configured, the portal sends no e-mail and shows its
/// reminders in the portal only.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "vocedalliance@localhost";
}

public sealed class ReminderMail(IOptions<SmtpOptions> options)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(IReadOnlyCollection<string> recipients, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var message = new MailMessage { From = new MailAddress(smtp.From), Subject = subject, Body = body, BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8 };
        foreach (var recipient in recipients)
        {
            message.Bcc.Add(recipient);
        }
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }
        await client.SendMailAsync(message, cancellationToken);
    }
}
