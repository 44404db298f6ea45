using System.ComponentModel.DataAnnotations;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.UnitTests.Platform;

/// <summary>The one set of rules every door (form, query string, import, API) reads typed values with.</summary>
public class InputRulesTests
{
    [Theory]
    [InlineData("48000", 48000)]
    [InlineData("48,000", 48000)]
    [InlineData("48，000", 48000)]
    [InlineData("４８０００", 48000)]
    [InlineData(" 1,234,567 ", 1234567)]
    [InlineData("-3", -3)]
    public void People_may_be_typed_with_separators_and_full_width_digits(string typed, long expected) =>
        Assert.Equal((expected, (InputError?)null), InputRules.ReadWholeNumber(typed));

    [Theory]
    [InlineData("1.5", "Validation.WholeNumber")]
    [InlineData("0x10", "Validation.Number")]
    [InlineData("1e3", "Validation.Number")]
    [InlineData("4,80,00", "Validation.Number")]
    [InlineData("十", "Validation.Number")]
    [InlineData("99999999999999999999999999999", "Validation.Number")]
    public void A_count_of_people_that_is_not_a_plain_whole_number_is_refused_with_its_reason(string typed, string reason)
    {
        var (value, error) = InputRules.ReadWholeNumber(typed);

        Assert.Null(value);
        Assert.Equal(reason, error?.MessageKey);
    }

    [Theory]
    [InlineData("48,000.50", "48000.50")]
    [InlineData("０.５", "0.5")]
    [InlineData("12", "12")]
    public void Amounts_are_read_to_the_fen(string typed, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), InputRules.ReadAmount(typed).Value);

    [Fact]
    public void An_amount_finer_than_a_fen_is_refused_not_rounded() =>
        Assert.Equal("Validation.AmountFen", InputRules.ReadAmount("1.123456789").Error?.MessageKey);

    [Fact]
    public void A_range_of_years_is_written_as_years_and_a_range_of_people_with_separators()
    {
        Assert.Equal(["1900", "2100"], InputRules.CheckRange(1899, new RangeAttribute(1900, 2100))!.Arguments);
        Assert.Equal(["0", "10,000,000"], InputRules.CheckRange(-1, new RangeAttribute(0, 10_000_000))!.Arguments);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2100-12-31")]
    [InlineData("２０２４-０３-０１")]
    public void Dates_from_1900_to_2100_are_taken(string typed) => Assert.NotNull(InputRules.ReadDate(typed).Value);

    [Theory]
    [InlineData("9999-12-31", "Validation.DateRange")]
    [InlineData("0001-01-01", "Validation.DateRange")]
    [InlineData("1899-12-31", "Validation.DateRange")]
    [InlineData("2101-01-01", "Validation.DateRange")]
    [InlineData("2024-02-30", "Validation.DateFormat")]
    [InlineData("infinity", "Validation.DateFormat")]
    public void Other_dates_are_refused_with_their_reason(string typed, string reason) =>
        Assert.Equal(reason, InputRules.ReadDate(typed).Error?.MessageKey);

    [Theory]
    [InlineData("合同\u202Efdp.exe")]
    [InlineData("a\0b")]
    [InlineData("bell\u0007")]
    [InlineData("c1\u0085c1")]
    [InlineData("\u2066isolate")]
    public void Text_with_control_or_bidi_characters_is_refused(string typed) =>
        Assert.Equal("Validation.ForbiddenCharacters", InputRules.ReadText(typed).Error?.MessageKey);

    [Fact]
    public void Text_is_trimmed_and_keeps_its_line_breaks() =>
        Assert.Equal("第一行\n第二行", InputRules.ReadText("  第一行\n第二行 ").Value);

    [Fact]
    public void Range_limits_are_written_the_way_people_read_them() =>
        Assert.Equal(["0", "10,000,000"], InputRules.CheckRange(20_000_000, new RangeAttribute(0, 10_000_000))!.Arguments);
}
