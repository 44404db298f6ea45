namespace VocEdAlliance.IntegrationTests.Infrastructure;

public static class CreditCodes
{
    /// <summary>A unified social credit code nobody has, with its right check character (GB 32100-2015).</summary>
    public static string New()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var body = "12520302" + string.Concat(Guid.NewGuid().ToString("N").ToUpperInvariant().Where(alphabet.Contains).Take(9));
        var sum = body.Select((c, i) => alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        return body + alphabet[(31 - (sum % 31)) % 31];
    }
}
