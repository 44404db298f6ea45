using System.Collections;
using System.Globalization;
using System.Resources;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.UnitTests.Platform;

public class LocalizationTests
{
    private static readonly ResourceManager Resources =
        new("VocEdAlliance.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static Dictionary<string, string> Strings(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
                  ?? throw new InvalidOperationException($"No resources for '{culture.Name}'");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void Every_UI_string_exists_in_both_Chinese_and_English()
    {
        var english = Strings(CultureInfo.InvariantCulture);
        var chinese = Strings(new CultureInfo("zh-CN"));

        Assert.Empty(english.Keys.Except(chinese.Keys).Order());
        Assert.Empty(chinese.Keys.Except(english.Keys).Order());
        Assert.DoesNotContain(english.Concat(chinese), s => string.IsNullOrWhiteSpace(s.Value));
    }

    [Fact]
    public void Chinese_strings_are_written_in_Chinese()
    {
        var chinese = Strings(new CultureInfo("zh-CN"));
        // A value with letters but no CJK character is an English string left in the Chinese UI (a pure pattern such
        // as "{0}：{1} → {2}" has no letters and needs no translation).
        var untranslated = chinese.Where(s => !s.Value.Any(c => c is >= '\u4e00' and <= '\u9fff')
                && System.Text.RegularExpressions.Regex.Replace(s.Value, @"\{\d+\}", string.Empty).Any(char.IsAsciiLetter))
            .Select(s => s.Key);
        Assert.Empty(untranslated);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Dates_are_written_year_month_day_in_both_languages(string culture)
    {
        var chosen = PortalLocalization.Supported.Single(c => c.Name == culture);

        Assert.Equal("2019-04-18", new DateTime(2019, 4, 18).ToString("d", chosen));
        Assert.Equal("2022-05-31", new DateOnly(2022, 5, 31).ToString(chosen));
    }

    [Fact]
    public void Chinese_is_the_default_and_English_is_offered()
    {
        Assert.Equal(["zh-CN", "en"], PortalLocalization.Supported.Select(c => c.Name));
        Assert.True(PortalLocalization.IsSupported("EN"));
        Assert.False(PortalLocalization.IsSupported("fr"));
        Assert.False(PortalLocalization.IsSupported(null));
    }
}

public class EnumLocalizationTests
{
    private static readonly System.Resources.ResourceManager Resources =
        new("VocEdAlliance.Web.Resources.SharedResource", typeof(VocEdAlliance.Web.Resources.SharedResource).Assembly);

    [Fact]
    public void Every_value_of_every_enum_the_UI_shows_has_a_name_in_both_languages()
    {
        var enums = typeof(VocEdAlliance.Web.Domain.DomainException).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic && t.Namespace!.StartsWith("VocEdAlliance.Web.Domain", StringComparison.Ordinal));
        var missing = new List<string>();
        foreach (var type in enums)
        {
            foreach (var name in Enum.GetNames(type))
            {
                foreach (var culture in new[] { System.Globalization.CultureInfo.InvariantCulture, new System.Globalization.CultureInfo("zh-CN") })
                {
                    var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
                    if (set.GetString($"{type.Name}.{name}") is null)
                    {
                        missing.Add($"{type.Name}.{name} ({(culture.Name.Length == 0 ? "en" : culture.Name)})");
                    }
                }
            }
        }
        Assert.Empty(missing);
    }
}
