using System.Globalization;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Domain.Programmes;

/// <summary>The level a programme is taught at: 中职 / 高职专科 / 职业本科.</summary>
public enum ProgrammeLevel
{
    SecondaryVocational,
    HigherVocational,
    VocationalUndergraduate,
}

/// <summary>The 19 major categories (专业大类) of the Ministry of Education's vocational programme catalogue
/// (《职业教育专业目录（2021年）》; docs/data-sources.md). A programme's six-digit code begins with its category's two
/// digits: 41–59 for higher vocational programmes, 20 more (61–79) for secondary ones, 20 fewer (21–39) for
/// vocational undergraduate ones. A category is known by its higher vocational number.</summary>
public static class MajorCategories
{
    /// <summary>The categories' numbers (their names, in each language, are the resources <c>MajorCategory.41</c>…).</summary>
    public static readonly IReadOnlySet<int> Numbers = Enumerable.Range(41, 19).ToHashSet();

    /// <summary>How far a level's codes lie from the higher vocational numbers (中职 +20, 本科 −20).</summary>
    public static int Offset(ProgrammeLevel level) => level switch
    {
        ProgrammeLevel.SecondaryVocational => 20,
        ProgrammeLevel.VocationalUndergraduate => -20,
        _ => 0,
    };

    /// <summary>The category of a catalogue code at a level (its higher vocational number), or null when the code is
    /// not six digits or does not begin with a category of that level.</summary>
    public static int? Of(string? code, ProgrammeLevel level)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }
        var category = int.Parse(code.AsSpan(0, 2), CultureInfo.InvariantCulture) - Offset(level);
        return Numbers.Contains(category) ? category : null;
    }
}

/// <summary>What one year of a programme counted: enrolled, graduated, employed, employed in the region.</summary>
public sealed record ProgrammeYear(int Year, int? Enrolment, int? Graduates, int? Employed, int? EmployedLocally);

/// <summary>A programme as entered: what <see cref="Programme.Create"/> and <see cref="Programme.Change"/> take.</summary>
public sealed record ProgrammeDetails(string Name, ProgrammeLevel Level, string CatalogueCode, int? OpenedIn, int? ClosedIn, string? ClosedReason,
    int? DownsizedIn, string? DownsizedReason, Guid? KeyIndustryId, IReadOnlyList<ProgrammeYear> Years);

/// <summary>专业: a programme a school teaches, from the year it opened to the year it closed, perhaps downsized on
/// the way, with its yearly enrolment, graduates and employment, and the key industry of its region it serves (when it
/// does). Seen and kept as its school is: the school's bureau and principal.</summary>
public sealed class Programme : IAccessControlled
{
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 500;
    public const int MaxPeople = 1_000_000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; private set; }

    /// <summary>The school's county (its region when the programme was recorded or moved with it).</summary>
    public string RegionCode { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public ProgrammeLevel Level { get; private set; }
    public string CatalogueCode { get; private set; } = string.Empty;

    /// <summary>专业大类, by its higher vocational number (41–59): see <see cref="MajorCategories"/>.</summary>
    public int MajorCategory { get; private set; }
    public int? OpenedIn { get; private set; }
    public int? ClosedIn { get; private set; }
    public string? ClosedReason { get; private set; }
    public int? DownsizedIn { get; private set; }
    public string? DownsizedReason { get; private set; }
    public Guid? KeyIndustryId { get; private set; }
    public List<ProgrammeYear> Years { get; private set; } = [];
    public List<string> AccessKeys { get; private set; } = [];
    public uint Version { get; private set; }

    private Programme()
    {
    }

    public static Programme Create(Institution school, ProgrammeDetails details)
    {
        if (!school.IsSchool)
        {
            throw new DomainException("Programme.NotASchool", nameof(InstitutionId));
        }
        var programme = new Programme { InstitutionId = school.Id, RegionCode = school.RegionCode, AccessKeys = [.. school.AccessKeys] };
        programme.Change(details);
        return programme;
    }

    public void Change(ProgrammeDetails details)
    {
        var name = Text.Required(details.Name, nameof(Name), NameMaxLength);
        var code = details.CatalogueCode?.Trim() ?? string.Empty;
        var category = MajorCategories.Of(code, details.Level)
            ?? throw new DomainException("Programme.CatalogueCode", nameof(CatalogueCode), MajorCategories.Offset(details.Level) + 41, MajorCategories.Offset(details.Level) + 59);
        foreach (var (year, field) in new[] { (details.OpenedIn, nameof(OpenedIn)), (details.ClosedIn, nameof(ClosedIn)), (details.DownsizedIn, nameof(DownsizedIn)) })
        {
            if (year is { } y && !BusinessDates.InRange(y))
            {
                throw new DomainException("Programme.Year", field, BusinessDates.EarliestYear, BusinessDates.LatestYear);
            }
        }
        if (details is { OpenedIn: { } opened, ClosedIn: { } closed } && closed < opened)
        {
            throw new DomainException("Programme.ClosedBeforeOpened", nameof(ClosedIn));
        }
        if (details.DownsizedIn is { } downsized && (downsized < details.OpenedIn || downsized >= details.ClosedIn))
        {
            throw new DomainException("Programme.DownsizedWhenNotTaught", nameof(DownsizedIn));
        }
        var closedReason = Text.Optional(details.ClosedReason, ReasonMaxLength, nameof(ClosedReason));
        if (details.ClosedIn is not null && closedReason is null)
        {
            throw new DomainException("Programme.ReasonRequired", nameof(ClosedReason));
        }
        var downsizedReason = Text.Optional(details.DownsizedReason, ReasonMaxLength, nameof(DownsizedReason));
        if (details.DownsizedIn is not null && downsizedReason is null)
        {
            throw new DomainException("Programme.ReasonRequired", nameof(DownsizedReason));
        }
        Name = name;
        Level = details.Level;
        CatalogueCode = code;
        MajorCategory = category;
        OpenedIn = details.OpenedIn;
        ClosedIn = details.ClosedIn;
        ClosedReason = details.ClosedIn is null ? null : closedReason;
        DownsizedIn = details.DownsizedIn;
        DownsizedReason = details.DownsizedIn is null ? null : downsizedReason;
        KeyIndustryId = details.KeyIndustryId;
        Years = CheckYears(details.Years);
    }

    /// <summary>Taught in the year: opened by then (or since before records began) and not closed yet.</summary>
    public bool IsOpenIn(int year) => (OpenedIn is null || OpenedIn <= year) && (ClosedIn is null || ClosedIn > year);

    /// <summary>One line a year, whole people, no more graduates employed than graduated nor more employed locally than
    /// employed (and each given only with the number it is a share of).</summary>
    private static List<ProgrammeYear> CheckYears(IReadOnlyList<ProgrammeYear> years)
    {
        foreach (var year in years)
        {
            if (!BusinessDates.InRange(year.Year))
            {
                throw new DomainException("Programme.Year", nameof(Years), BusinessDates.EarliestYear, BusinessDates.LatestYear);
            }
            if (new[] { year.Enrolment, year.Graduates, year.Employed, year.EmployedLocally }.Any(n => n is < 0 or > MaxPeople))
            {
                throw new DomainException("Programme.People", nameof(Years), MaxPeople);
            }
            // A rate needs both its numbers: no employed without graduates, no employed locally without employed.
            if (year.Employed > year.Graduates || year.EmployedLocally > year.Employed
                || (year.Employed is not null && year.Graduates is null) || (year.EmployedLocally is not null && year.Employed is null))
            {
                throw new DomainException("Programme.EmployedMoreThanGraduated", nameof(Years), year.Year);
            }
        }
        if (years.GroupBy(y => y.Year).Any(g => g.Count() > 1))
        {
            throw new DomainException("Programme.YearTwice", nameof(Years));
        }
        return [.. years.OrderBy(y => y.Year)];
    }
}
