using System.Globalization;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>How a quota reads wherever it is shown (the agreement's page and PDF, a plan's form).</summary>
public static class QuotaText
{
    /// <summary>"师资培训：每年20人（2019–2021）" / "Teacher training: 20 a year, 2019–2021".</summary>
    public static string Describe(AgreementQuota quota, IStringLocalizer t) =>
        t["Agreement.QuotaLine", t.Enum(quota.Mode), quota.PeoplePerYear.ToString(CultureInfo.InvariantCulture),
            quota.FromYear == quota.ToYear ? quota.FromYear.ToString(CultureInfo.InvariantCulture) : $"{quota.FromYear}–{quota.ToYear}"];
}
