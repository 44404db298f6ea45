using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Pages.Partners;

/// <summary>Which registration requests a user answers: those whose partner's region lies in the user's jurisdiction
/// (every one for the system admin). One definition for the requests page, the notifications count and the
/// institution form that registers a request.</summary>
public static class RegistrationRequests
{
    public static IQueryable<RegistrationRequest> AddressedTo(AppDbContext db)
    {
        if (db.Access.SeesEverything)
        {
            return db.RegistrationRequests;
        }
        if (!db.Access.Key.StartsWith("r:", StringComparison.Ordinal))
        {
            return db.RegistrationRequests.Where(_ => false);
        }
        var prefix = db.Access.Key[2..];
        return db.RegistrationRequests.Where(r => r.RegionCode.StartsWith(prefix));
    }

    /// <summary>The pending requests the user answers.</summary>
    public static IQueryable<RegistrationRequest> WaitingOn(AppDbContext db) =>
        AddressedTo(db).Where(r => r.Status == RegistrationRequestStatus.Pending);
}
