using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>What every page that changes a record does first and what it does after a concurrent change.</summary>
public static class RecordPage
{
    /// <summary>Loads the record (through the access filter) and asks whether the user may do the operation to it:
    /// 404 when the user cannot see it, 403 when they may see but not do.</summary>
    public static async Task<(T? Record, IActionResult? Refusal)> AuthorizedAsync<T>(this PageModel page,
        IAuthorizationService authorization, Task<T?> load, OperationAuthorizationRequirement operation) where T : class
    {
        var record = await load;
        if (record is null)
        {
            return (null, page.NotFound());
        }
        return (await authorization.AuthorizeAsync(page.User, record, operation)).Succeeded
            ? (record, null)
            : (null, page.Forbid());
    }

    /// <summary>After a concurrent save was detected: forgets what this request changed and reads what is stored
    /// now, so the page can show it beside what the user typed. The posted version is dropped from the model state;
    /// the caller takes the stored one, so that saving again is a deliberate overwrite.</summary>
    public static Task<T?> StoredAfterConflictAsync<T>(this PageModel page, AppDbContext db, Func<Task<T?>> reload)
    {
        db.ChangeTracker.Clear();
        page.ModelState.Remove("Input.Version");
        return reload();
    }
}

/// <summary>The breadcrumb of a page about one record: its list › the record › this page (a resource key).</summary>
public sealed record RecordBreadcrumb(string ListTitleKey, string ListUrl, string RecordTitle, string RecordUrl, string CurrentKey);

/// <summary>What the archive confirmation asks: "archive this record?", with a way back to the record.</summary>
public sealed record ArchiveConfirmation(string QuestionKey, RecordBreadcrumb Trail);
