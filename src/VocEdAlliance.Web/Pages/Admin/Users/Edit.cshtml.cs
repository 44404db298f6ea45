using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Admin.Users;

/// <summary>Changes an account's name, role and organisation, sets a new password (the only way passwords are
/// reset), and locks or unlocks it. Accounts outside the admin's scope are 404; an account holding a role the admin
/// may not grant is 403.</summary>
[Authorize(Policy = AccountAdministration.ManagersPolicy)]
public partial class EditModel(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> t, ILogger<EditModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<string> GrantableRoles => AccountAdministration.GrantableRoles(User);

    private async Task<(ApplicationUser? User, string? Role, IActionResult? Refusal)> LoadAsync()
    {
        var user = await AccountAdministration.ManageableUsers(db).SingleOrDefaultAsync(u => u.Id == Id);
        if (user is null)
        {
            return (null, null, NotFound());
        }
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        if (role is not null && !GrantableRoles.Contains(role))
        {
            return (null, null, Forbid());
        }
        return (user, role, null);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, role, refusal) = await LoadAsync();
        if (user is null)
        {
            return refusal!;
        }
        Input = new UserInput
        {
            Email = user.Email,
            DisplayName = user.DisplayName,
            Role = role,
            Organisation = user.OrganisationId is { } id ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync() : null,
            Locked = user.LockoutEnd > clock.GetUtcNow(),
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, role, refusal) = await LoadAsync();
        if (user is null)
        {
            return refusal!;
        }
        Input.Email = user.Email;
        ModelState.Remove($"Input.{nameof(Input.Email)}");
        var organisation = await UserRules.CheckAsync(Input, User, db, ModelState, t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        user.DisplayName = Input.DisplayName!.Trim();
        user.OrganisationId = organisation?.Id;
        user.ConcurrencyStamp = Input.ConcurrencyStamp;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && role != Input.Role)
        {
            if (role is not null)
            {
                await users.RemoveFromRoleAsync(user, role);
            }
            result = await users.AddToRoleAsync(user, Input.Role!);
        }
        if (result.Succeeded && !string.IsNullOrEmpty(Input.Password))
        {
            await users.RemovePasswordAsync(user);
            result = await users.AddPasswordAsync(user, Input.Password);
        }
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, Input.Locked ? DateTimeOffset.MaxValue : null);
            await users.ResetAccessFailedCountAsync(user);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? $"Input.{nameof(Input.Password)}" : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        await users.UpdateSecurityStampAsync(user);
        var adminId = User.GetUserId();
        LogChanged(logger, adminId, user.Id);
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage("/Admin/Users/Index");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {AdminId} changed account {UserId}")]
    private static partial void LogChanged(ILogger logger, Guid? adminId, Guid userId);
}
