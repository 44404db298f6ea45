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

    /// <summary>The account's API tokens, which the admin may revoke.</summary>
    public Account.TokenListModel Tokens { get; private set; } = new([], "RevokeToken", DateTimeOffset.MinValue, TimeZoneInfo.Utc);

    /// <summary>Whether the account signs in with an authenticator (the admin may reset it).</summary>
    public bool TwoFactorEnabled { get; private set; }

    /// <summary>The admin's own account: its second factor is kept on the admin's own two-factor page.</summary>
    public bool IsOwnAccount => Id == User.GetUserId();

    /// <summary>Whenever the page is shown (first, or again with the form's problems), with the account's tokens.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult)
        {
            Tokens = new Account.TokenListModel(await Account.TokenRow.OfAsync(db, Id), "RevokeToken", clock.GetUtcNow(), clock.LocalTimeZone);
            TwoFactorEnabled = await db.Users.Where(u => u.Id == Id).Select(u => u.TwoFactorEnabled).SingleOrDefaultAsync();
        }
    }

    /// <summary>Ends one of the account's API tokens now.</summary>
    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid tokenId)
    {
        var (user, _, refusal) = await LoadAsync();
        if (user is null)
        {
            return refusal!;
        }
        var token = await db.AccessTokens.SingleOrDefaultAsync(x => x.Id == tokenId && x.UserId == user.Id);
        if (token is null)
        {
            return NotFound();
        }
        var adminId = User.GetUserId()!.Value;
        token.Revoke(adminId, clock.GetUtcNow());
        await db.SaveChangesAsync();
        Account.TokensModel.LogRevoked(logger, token.Id, adminId);
        TempData["StatusMessage"] = t["Tokens.RevokedMessage", token.Name].Value;
        return RedirectToPage(new { id = Id });
    }

    /// <summary>A lost or replaced phone: the account's authenticator and recovery codes are gone, every session of it
    /// ends, and it sets up a new one at its next sign-in (where one is required) — within the admin's jurisdiction.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync()
    {
        var (user, _, refusal) = await LoadAsync();
        if (user is null)
        {
            return refusal!;
        }
        if (user.Id == User.GetUserId())
        {
            return Forbid(); // one's own second factor is kept on one's own two-factor page
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // a new key, and a new security stamp: every session ends
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0); // the old recovery codes are gone too
        LogTwoFactorReset(logger, user.Id, User.GetUserId()!.Value);
        TempData["StatusMessage"] = t["TwoFactor.ResetDone"].Value;
        return RedirectToPage(new { id = Id });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The second factor of account {UserId} was reset by {AdminId}")]
    private static partial void LogTwoFactorReset(ILogger logger, Guid userId, Guid adminId);

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

    /// <summary>One transaction: the new password is checked before anything changes; the stamp the admin started
    /// from must still be the stored one (else someone saved meanwhile, and nothing is overwritten); a new password, a
    /// lock, a new role or organisation end every session of the account.</summary>
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
        if (!string.IsNullOrEmpty(Input.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, Input.Password);
                foreach (var error in check.Errors)
                {
                    ModelState.AddModelError($"Input.{nameof(Input.Password)}", error.Description);
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (user.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            return await ShowConflictAsync();
        }

        var locked = Input.Locked;
        var sessionsEnd = !string.IsNullOrEmpty(Input.Password) || role != Input.Role || user.OrganisationId != organisation?.Id
                          || locked != (user.LockoutEnd > clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        user.DisplayName = Input.DisplayName!.Trim();
        user.OrganisationId = organisation?.Id;
        user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        user.AccessFailedCount = 0;
        if (!string.IsNullOrEmpty(Input.Password))
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, Input.Password);
        }
        if (sessionsEnd)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && role != Input.Role)
        {
            if (role is not null)
            {
                result = await users.RemoveFromRoleAsync(user, role);
            }
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, Input.Role!);
            }
        }
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return await ShowConflictAsync();
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
            return Page();
        }
        await transaction.CommitAsync();
        var adminId = User.GetUserId();
        LogChanged(logger, adminId, user.Id);
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage("/Admin/Users/Index");
    }

    /// <summary>Someone saved the account meanwhile: nothing was written; the form keeps what this admin typed and
    /// takes the stored stamp, so saving again is a deliberate overwrite.</summary>
    private async Task<IActionResult> ShowConflictAsync()
    {
        db.ChangeTracker.Clear();
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == Id).Select(u => u.ConcurrencyStamp).SingleOrDefaultAsync();
        ModelState.Remove($"Input.{nameof(Input.ConcurrencyStamp)}");
        Input.ConcurrencyStamp = stamp;
        ModelState.AddModelError(string.Empty, t["Concurrency.Changed"]);
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {AdminId} changed account {UserId}")]
    private static partial void LogChanged(ILogger logger, Guid? adminId, Guid userId);
}
