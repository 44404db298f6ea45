using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Admin.Users;

[Authorize(Policy = AccountAdministration.ManagersPolicy)]
public partial class CreateModel(AppDbContext db, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> t,
    ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<string> GrantableRoles => AccountAdministration.GrantableRoles(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError($"Input.{nameof(Input.Password)}", t["Validation.Required", t["Field.InitialPassword"]]);
        }
        var organisation = await UserRules.CheckAsync(Input, User, db, ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email!.Trim();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Input.DisplayName!.Trim(),
            OrganisationId = organisation?.Id,
        };
        var created = await users.CreateAsync(user, Input.Password!);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Input.Role!);
        }
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Input.Password) : nameof(Input.Email);
                ModelState.AddModelError($"Input.{field}", error.Description);
            }
            return Page();
        }
        var adminId = User.GetUserId();
        LogCreated(logger, adminId, user.Id, Input.Role!);
        TempData["StatusMessage"] = t["Users.Created", user.DisplayName].Value;
        return RedirectToPage("/Admin/Users/Index");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {AdminId} created account {UserId} with role {Role}")]
    private static partial void LogCreated(ILogger logger, Guid? adminId, Guid userId, string role);
}
