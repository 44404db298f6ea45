using System.ComponentModel.DataAnnotations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Admin.Users;

public sealed class UserInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ApplicationUser.DisplayNameMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.DisplayName")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Role")]
    public string? Role { get; set; }

    [Display(Name = "Field.UserOrganisation")]
    public string? Organisation { get; set; }

    [DataType(DataType.Password)]
    [StringLength(PortalIdentity.PasswordMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.InitialPassword")]
    public string? Password { get; set; }

    [Display(Name = "Field.Locked")]
    public bool Locked { get; set; }

    public string? ConcurrencyStamp { get; set; }
}
