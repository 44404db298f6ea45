using Microsoft.AspNetCore.Identity;

namespace VocEdAlliance.Web.Security;

/// <summary>A person who signs in to the portal. Accounts are provisioned; nobody registers themselves.</summary>
public class ApplicationUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>The name shown in the header and in history, e.g. "遵义市教育局 王老师".</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The organisation (ministry, bureau or institution) the user works for; none for system admins.</summary>
    public Guid? OrganisationId { get; set; }
}
