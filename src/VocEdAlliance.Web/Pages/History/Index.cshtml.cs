using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.History;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Agreements;
using VocEdAlliance.Web.Resources;

using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages.History;

/// <summary>The history of one record, for whoever may see the record (404 otherwise). Read-only: there is no way to
/// change history.</summary>
public partial class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t, PortalClock clock) : PageModel
{
    public sealed record Row(DateTimeOffset At, HistoryAction Action, string UserName, IReadOnlyList<FieldChange> Changes);

    public string RecordTitle { get; private set; } = string.Empty;
    public string BackUrl { get; private set; } = "~/";
    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, Guid id)
    {
        if (await RecordAsync(type, id) is not { } record)
        {
            return NotFound();
        }
        RecordTitle = record.Title;
        BackUrl = Url.Page(record.Page, new { id })!;
        Entries = await EntriesOf(type, id).Select(h => new Row(h.At, h.Action, h.UserName, h.Changes)).ToListAsync();
        return Page();
    }

    public static readonly IReadOnlyList<string> ExportColumns =
        ["History.Column.At", "History.Column.Action", "History.Column.User", "History.Column.Changes"];

    /// <summary>The record's history as a file: a line an entry, its changes as "field: before → after".</summary>
    public async Task<IActionResult> OnGetExportAsync(string type, Guid id, string? format)
    {
        if (!StreamedExport.IsFormat(format) || await RecordAsync(type, id) is not { } record)
        {
            return NotFound();
        }
        var day = LocalizerExtensions.Date(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var title = t["History.Title", record.Title].Value;
        var separator = t["List.Separator"].Value;
        return StreamedExport.Of(title, t["Export.CaptionAll", day], $"{title}_{day}", [.. ExportColumns.Select(k => t[k].Value)],
            EntriesOf(type, id).Select(h => new { h.At, h.Action, h.UserName, h.Changes }),
            h => ValueTask.FromResult<object?[]>([clock.TimeOf(h.At), t.Enum(h.Action), h.UserName.Length > 0 ? h.UserName : t["History.System"].Value,
                string.Join(separator, h.Changes.Select(c => $"{FieldName(c.Field)}: {Value(c.Before)} → {Value(c.After)}"))]),
            format!);
    }

    /// <summary>The record itself, through the access filter: what the user cannot see has no history for them either.</summary>
    private async Task<(string Title, string Page)?> RecordAsync(string type, Guid id)
    {
        (string? Title, string? Page) record = type switch
        {
            "agreement" => (await db.Agreements.Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync(), "/Agreements/Details"),
            "activity" => (await db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync(), "/Activities/Details"),
            "alliance" => (await db.Alliances.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(), "/Alliances/Details"),
            "institution" => (await db.Institutions.Where(i => i.Id == id).Select(i => i.Name).SingleOrDefaultAsync(), "/Institutions/Details"),
            "request" => (await db.RegistrationRequests.Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync(), "/Partners/Requests"),
            "programme" => (await db.Programmes.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(), "/Programmes/Edit"),
            "keyindustry" => (await db.KeyIndustries.Where(k => k.Id == id).Select(k => k.Name).SingleOrDefaultAsync(), "/KeyIndustries/Index"),
            "evaluation" => (await db.PartyEvaluations.Where(e => e.Id == id)
                .Select(e => e.Round.Title + " · " + e.OrganisationName).SingleOrDefaultAsync(), "/Evaluations/Party"),
            "plan" => (await db.Plans.Where(p => p.Id == id)
                .Select(p => p.Year + " · " + (p.Agreement != null ? p.Agreement.Title : p.Alliance != null ? p.Alliance.Name : p.Bureau!.Name)).SingleOrDefaultAsync(), "/Plans/Details"),
            _ => (null, null),
        };
        return record is { Title: { } title, Page: { } page } ? (title, page) : null;
    }

    private IQueryable<HistoryEntry> EntriesOf(string type, Guid id)
    {
        var recordType = type switch
        {
            "agreement" => "Agreement",
            "activity" => "CooperationActivity",
            "alliance" => "Alliance",
            "plan" => "YearlyPlan",
            "request" => "RegistrationRequest",
            "programme" => "Programme",
            "keyindustry" => "KeyIndustry",
            "evaluation" => "PartyEvaluation",
            _ => nameof(Organisation),
        };
        return db.History.AsNoTracking()
            .Where(h => h.RecordType == recordType && h.RecordId == id)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id);
    }

    /// <summary>A field's name in the user's language (the form's label), or as stored.</summary>
    public string FieldName(string field) => t[$"Field.{field}"] is { ResourceNotFound: false } label ? label : field;

    /// <summary>A value in the user's language where it is an enum value ("AgreementStatus.Active") or holds one (a
    /// party's role in "名称 (-, -, 2022-05-31, PartyRole.Initiator)"), a quota as the agreement's page says it, or as
    /// stored.</summary>
    public string Value(string? value) =>
        value is null ? "—" : string.Join(t["List.Separator"], value.Split(", ").Select(part =>
            t[part] is { ResourceNotFound: false } translated ? translated.Value
            : StoredQuota().Match(part) is { Success: true } quota && Enum.TryParse<CooperationMode>(quota.Groups[1].Value, out var mode)
                ? QuotaText.Describe(new AgreementQuota(mode, int.Parse(quota.Groups[4].Value, CultureInfo.InvariantCulture),
                    int.Parse(quota.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(quota.Groups[3].Value, CultureInfo.InvariantCulture)), t)
            : EnumValue().Replace(part, m => t[m.Value] is { ResourceNotFound: false } inner ? inner.Value : m.Value)));

    /// <summary>A quota as the history keeps it: <c>CooperationMode.TeacherTraining 2019-2021 20</c>.</summary>
    [GeneratedRegex(@"^CooperationMode\.(\w+) (\d{4})-(\d{4}) (\d{1,7})$")]
    private static partial Regex StoredQuota();

    /// <summary>An enum value within a text: <c>PartyRole.Initiator</c>.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+\b")]
    private static partial Regex EnumValue();
}
