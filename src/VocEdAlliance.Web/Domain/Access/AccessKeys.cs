using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Domain.Access;

/// <summary>Who may see a record is written on the record as access keys: <c>r:43</c>, <c>r:4301</c>, <c>r:430181</c>
/// for every region it involves, and <c>o:{id}</c> for every organisation it involves. A bureau holds the key of its
/// jurisdiction (<c>r:4301</c> for Changsha), a principal the key of the own school. See docs/access-model.md.</summary>
public static class AccessKeys
{
    public static string ForJurisdiction(string regionCode) => "r:" + RegionCode.JurisdictionPrefix(regionCode);

    public static string ForOrganisation(Guid organisationId) => "o:" + organisationId.ToString("N");

    /// <summary>The keys of a place: its region and every region above it (whose bureaus see what is there).</summary>
    public static IEnumerable<string> ForPlace(string regionCode) => RegionCode.Prefixes(regionCode).Select(prefix => "r:" + prefix);

    /// <summary>The keys of one organisation at one place: its region, every region above it, and itself.</summary>
    public static IEnumerable<string> For(Guid organisationId, string regionCode) =>
        ForPlace(regionCode).Append(ForOrganisation(organisationId));

    public static List<string> Union(IEnumerable<(Guid OrganisationId, string RegionCode)> parties) =>
        [.. parties.SelectMany(p => For(p.OrganisationId, p.RegionCode)).Distinct().Order(StringComparer.Ordinal)];
}

/// <summary>A record that carries its own access keys (organisations, alliances, agreements).</summary>
public interface IAccessControlled
{
    Guid Id { get; }
    List<string> AccessKeys { get; }
}
