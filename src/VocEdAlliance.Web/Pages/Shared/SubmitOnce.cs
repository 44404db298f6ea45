using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>Create forms carry a one-time token (<c>FormToken</c>, a hidden field issued when the form is rendered).
/// The record and the token are saved together; a second post of the same form goes to the record the first one
/// made instead of making another (see <see cref="FormSubmission"/>).</summary>
public static class SubmitOnce
{
    public static Guid NewToken() => Guid.CreateVersion7();

    /// <summary>The record an earlier post of this form made, to go to instead; null the first time.</summary>
    public static async Task<IActionResult?> RepeatAsync(this PageModel page, AppDbContext db, Guid token) =>
        await FormSubmission.HandledAsync(db, token, page.User.GetUserId()) is { } url ? page.LocalRedirect(url) : null;

    /// <summary>Saves the new record with the form's token; when a simultaneous post of the same form won, nothing of
    /// this one is kept and the answer goes to the record the other made.</summary>
    public static async Task<IActionResult?> SaveOnceAsync(this PageModel page, AppDbContext db, Guid token,
        string recordUrl, TimeProvider clock)
    {
        if (token != Guid.Empty && page.User.GetUserId() is { } userId)
        {
            db.FormSubmissions.Add(new FormSubmission(token, userId, recordUrl, clock.GetUtcNow()));
        }
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException failure) when (FormSubmission.IsRepeat(failure))
        {
            db.ChangeTracker.Clear();
            return await page.RepeatAsync(db, token) ?? page.LocalRedirect(recordUrl);
        }
    }
}
