namespace VocEdAlliance.Web.Domain.Inbox;

/// <summary>What happened that someone waits on or would want to know.</summary>
public enum NotificationKind
{
    /// <summary>An agreement waits for the recipient's side to confirm it.</summary>
    ConfirmationRequested,

    /// <summary>Another side confirmed an agreement the recipient's side is party to.</summary>
    ConfirmedByPartner,

    /// <summary>An agreement's terms changed: the recipient's side is asked to confirm again.</summary>
    TermsChanged,

    PlanSubmitted,

    /// <summary>A submitted plan was changed by its submitter: it no longer waits for approval (until submitted again).</summary>
    PlanWithdrawn,

    PlanApproved,
    PlanReturned,
    RegistrationRequested,
    RegistrationAccepted,
    RegistrationDeclined,

    /// <summary>An agreement of the recipient's side ends within 90 days.</summary>
    AgreementEnding,

    /// <summary>An evaluation round opened: the recipient's side is asked to assess itself by the due day.</summary>
    EvaluationOpened,

    /// <summary>A self-assessment not yet submitted is due within a week.</summary>
    EvaluationDue,

    /// <summary>A self-assessment waits for the recipient's bureau (or the ministry) to review it.</summary>
    EvaluationSubmitted,

    /// <summary>A round's results are published: the recipient's side can read its result and ranking.</summary>
    EvaluationPublished,
}

/// <summary>The record a notification is about, and where it opens.</summary>
public enum NotificationRecord
{
    Agreement,
    Plan,
    RegistrationRequest,
    Evaluation,
}

/// <summary>One entry of one account's inbox, written in the same transaction as the event it announces
/// (<c>Data/NotificationWriter</c>). It names its record and carries the words needed to say what happened in the
/// reader's language (the record's title, a comment or a reason); what the reader may then open is decided by the
/// access filter as always.</summary>
public sealed class Notification
{
    public const int SubjectMaxLength = 300;
    public const int DetailMaxLength = 1000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid RecipientUserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public NotificationRecord Record { get; private set; }
    public Guid RecordId { get; private set; }

    /// <summary>The record's title when it happened (an agreement's title, a plan's owner and year, an institution's name).</summary>
    public string Subject { get; private set; } = string.Empty;

    /// <summary>A comment, a reason, the side that confirmed, an end date: whatever the kind says with the subject.</summary>
    public string? Detail { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    private Notification()
    {
    }

    public Notification(Guid recipientUserId, NotificationKind kind, NotificationRecord record, Guid recordId, string subject, string? detail, DateTimeOffset now)
    {
        RecipientUserId = recipientUserId;
        Kind = kind;
        Record = record;
        RecordId = recordId;
        Subject = Text.Shorten(subject, SubjectMaxLength);
        Detail = detail is null ? null : Text.Shorten(detail, DetailMaxLength);
        CreatedAt = now;
    }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>An e-mail waiting to be sent for a notification (one recipient each): written with the notification, sent
/// by the outbox worker (<c>Platform/OutboxSender</c>), retried with backoff until it goes, never dropped.</summary>
public sealed class OutboxMail
{
    public const int ErrorMaxLength = 500;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NotificationId { get; private set; }
    public Notification? Notification { get; private set; }
    public string Recipient { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    private OutboxMail()
    {
    }

    public OutboxMail(Notification notification, string recipient, DateTimeOffset now)
    {
        Notification = notification;
        NotificationId = notification.Id;
        Recipient = recipient;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Sending failed: try again later, waiting twice as long each time (30 s, 1 min, 2 min … at most an hour).</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = Text.Shorten(error, ErrorMaxLength);
        var wait = FirstRetry * Math.Pow(2, Math.Min(Attempts - 1, 16));
        NextAttemptAt = now + (wait < LongestWait ? wait : LongestWait);
    }
}
