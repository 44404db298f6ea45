namespace VocEdAlliance.Web.Security;

/// <summary>The portal's roles, from most to least powerful.</summary>
public static class Roles
{
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string MinistryOfficial = nameof(MinistryOfficial);
    public const string BureauAdmin = nameof(BureauAdmin);
    public const string BureauStaff = nameof(BureauStaff);
    public const string SchoolPrincipal = nameof(SchoolPrincipal);

    /// <summary>Every role, in the order the portal lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SystemAdmin, MinistryOfficial, BureauAdmin, BureauStaff, SchoolPrincipal];
}
