using VocEdAlliance.Web.Domain.Access;

namespace VocEdAlliance.Web.Domain.History;

public enum HistoryAction
{
    Created,
    Updated,
    Archived,
    Confirmed,
    MemberJoined,
    MemberLeft,
}

/// <summary>One field's value before and after a change, as text (enum values as "Type.Value", dates yyyy-MM-dd).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Append-only business history: who did what to which record, when, with the fields before → after.
/// Visible to whoever may see the record (it carries the record's access keys from the time of the change); nobody
/// can change or delete it (the save guard refuses, and a database trigger too).</summary>
public sealed class HistoryEntry : IAccessControlled
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string RecordType { get; private set; } = string.Empty;
    public Guid RecordId { get; private set; }
    public HistoryAction Action { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = string.Empty;
    public DateTimeOffset At { get; private set; }
    public List<FieldChange> Changes { get; private set; } = [];
    public List<string> AccessKeys { get; private set; } = [];

    private HistoryEntry()
    {
    }

    public HistoryEntry(string recordType, Guid recordId, HistoryAction action, Guid? userId, string userName,
        DateTimeOffset at, IEnumerable<FieldChange> changes, IEnumerable<string> accessKeys)
    {
        RecordType = recordType;
        RecordId = recordId;
        Action = action;
        UserId = userId;
        UserName = userName;
        At = at;
        Changes = [.. changes];
        AccessKeys = [.. accessKeys];
    }
}
