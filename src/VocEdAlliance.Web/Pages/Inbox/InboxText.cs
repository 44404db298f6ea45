using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain.Inbox;

namespace VocEdAlliance.Web.Pages.Inbox;

/// <summary>How a notification reads and where it leads: one wording for the inbox and the e-mail.</summary>
public static class InboxText
{
    /// <summary>"“遵义—上海结对协议”等待我方确认" in the reader's language.</summary>
    public static string Sentence(IStringLocalizer t, NotificationKind kind, string subject, string? detail) =>
        t[$"Inbox.{kind}", subject, detail ?? string.Empty].Value;

    /// <summary>The page of the record a notification is about (the access filter decides, as always, whether it opens).</summary>
    public static string PathOf(NotificationRecord record, Guid id) => record switch
    {
        NotificationRecord.Agreement => $"/Agreements/{id}",
        NotificationRecord.Plan => $"/Plans/{id}",
        NotificationRecord.Evaluation => $"/Evaluations/Party/{id}",
        _ => "/Partners/Requests",
    };
}
