using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Inbox;

/// <summary>The signed-in user's inbox: what waits on them and what they would want to know, newest first, unread
/// ones marked. Opening one marks it read and goes to its record. Only the user's own notifications: nobody reads
/// another's inbox, admins included.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }

    public sealed record Row(Guid Id, NotificationKind Kind, string Subject, string? Detail, DateTimeOffset CreatedAt, bool IsRead);

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public int UnreadCount { get; private set; }

    protected override string DefaultSort => "-created";

    protected override IEnumerable<ListFilter> Filters() => [("unread", Unread ? "true" : null)];

    /// <summary>The user's own notifications (none for who is not signed in).</summary>
    public static IQueryable<Notification> Of(AppDbContext db, Guid? userId) =>
        db.Notifications.Where(n => userId != null && n.RecipientUserId == userId);

    public async Task OnGetAsync()
    {
        var mine = Of(db, User.GetUserId()).AsNoTracking();
        UnreadCount = await mine.CountAsync(n => n.ReadAt == null);
        var selected = Unread ? mine.Where(n => n.ReadAt == null) : mine;
        Results = await selected.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new Row(n.Id, n.Kind, n.Subject, n.Detail, n.CreatedAt, n.ReadAt != null))
            .ToPageAsync(PageNumber, selected);
    }

    /// <summary>Marks the notification read and opens its record; someone else's is not found.</summary>
    public async Task<IActionResult> OnGetOpenAsync(Guid id)
    {
        var notification = await Of(db, User.GetUserId()).SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return NotFound();
        }
        if (!notification.IsRead)
        {
            notification.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        return LocalRedirect(InboxText.PathOf(notification.Record, notification.RecordId));
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow();
        await Of(db, User.GetUserId()).Where(n => n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now));
        return RedirectToPage();
    }
}
