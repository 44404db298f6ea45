using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Inbox;

/// <summary>The header's link to the inbox with the unread count (one indexed count per page view). Left out of error
/// pages: a page saying the database is unreachable must not ask it.</summary>
public sealed class InboxBadgeViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.Response.StatusCode >= 500 || HttpContext.User.GetUserId() is not { } userId)
        {
            return Content(string.Empty);
        }
        var unread = await IndexModel.Of(db, userId).CountAsync(n => n.ReadAt == null);
        return View(unread);
    }
}
