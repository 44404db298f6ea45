namespace VocEdAlliance.Web.Domain.Regions;

/// <summary>GB/T 2260-style 6-digit codes are hierarchical: <c>52xxxx</c> Guizhou, <c>5203xx</c> Zunyi,
/// <c>520302</c> a county of Zunyi.</summary>
public static class RegionCode
{
    public static bool IsWellFormed(string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit) && code[..2] != "00";

    public static string Validate(string code) =>
        IsWellFormed(code) ? code : throw new DomainException("Region.Unknown", "RegionCode");

    /// <summary>The prefix that covers a region and everything below it: 2 digits for a province, 4 for a
    /// prefecture, 6 for a county.</summary>
    public static string JurisdictionPrefix(string code)
    {
        Validate(code);
        return code[2..] == "0000" ? code[..2] : code[4..] == "00" ? code[..4] : code;
    }

    /// <summary>The region a jurisdiction prefix stands for: <c>52</c> → 520000, <c>5203</c> → 520300.</summary>
    public static string OfPrefix(string prefix) => prefix.PadRight(6, '0');

    /// <summary>Every prefix the region falls under, from province down: <c>430181</c> → 43, 4301, 430181.</summary>
    public static IEnumerable<string> Prefixes(string code)
    {
        var own = JurisdictionPrefix(code);
        for (var length = 2; length <= own.Length; length += 2)
        {
            yield return own[..length];
        }
    }

    public static string ProvinceOf(string code) => Validate(code)[..2] + "0000";
}
