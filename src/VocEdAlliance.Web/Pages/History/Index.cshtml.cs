using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.History;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.Web.Pages.History;

/// <summary>The history of one record, for whoever may see the record (404 otherwise). Read-only: there is no way to
/// change history.</summary>
public class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(DateTimeOffset At, HistoryAction Action, string UserName, IReadOnlyList<FieldChange> Changes);

    public string RecordTitle { get; private set; } = string.Empty;
    public string BackUrl { get; private set; } = "~/";
    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, Guid id)
    {
        // The record itself, through the access filter: what the user cannot see has no history for them either.
        (string? Title, string? Page) record = type switch
        {
            "agreement" => (await db.Agreements.Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync(), "/Agreements/Details"),
            "activity" => (await db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync(), "/Activities/Details"),
            "alliance" => (await db.Alliances.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(), "/Alliances/Details"),
            "institution" => (await db.Institutions.Where(i => i.Id == id).Select(i => i.Name).SingleOrDefaultAsync(), "/Institutions/Details"),
            "plan" => (await db.Plans.Where(p => p.Id == id)
                .Select(p => p.Year + " · " + (p.Agreement != null ? p.Agreement.Title : p.Alliance!.Name)).SingleOrDefaultAsync(), "/Plans/Details"),
            _ => (null, null),
        };
        if (record.Title is null)
        {
            return NotFound();
        }
        RecordTitle = record.Title;
        BackUrl = Url.Page(record.Page, new { id })!;
        var recordType = type switch
        {
            "agreement" => "Agreement",
            "activity" => "CooperationActivity",
            "alliance" => "Alliance",
            "plan" => "YearlyPlan",
            _ => nameof(Organisation),
        };
        Entries = await db.History.AsNoTracking()
            .Where(h => h.RecordType == recordType && h.RecordId == id)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new Row(h.At, h.Action, h.UserName, h.Changes))
            .ToListAsync();
        return Page();
    }

    /// <summary>A field's name in the user's language (the form's label), or as stored.</summary>
    public string FieldName(string field) => t[$"Field.{field}"] is { ResourceNotFound: false } label ? label : field;

    /// <summary>A value in the user's language where it is an enum value ("AgreementStatus.Active"), or as stored.</summary>
    public string Value(string? value) =>
        value is null ? "—" : string.Join(t["List.Separator"], value.Split(", ").Select(part =>
            t[part] is { ResourceNotFound: false } translated ? translated.Value : part));
}
