using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Account;

/// <summary>The signed-in user's personal access tokens for the API: make one (named, with an expiry, read-only if
/// wished; its secret shown once), see them, revoke one.</summary>
public partial class TokensModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<TokensModel> logger) : PageModel
{
    public static readonly int[] Lifetimes = [30, 90, 180, 365];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PersonalAccessToken.NameMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.TokenName")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.TokenDays")]
        public int? Days { get; set; } = 90;

        [Display(Name = "Field.TokenReadOnly")]
        public bool ReadOnly { get; set; } = true;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>This rendering of the form (see <see cref="SubmitOnce"/>).</summary>
    [BindProperty]
    public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    /// <summary>The secret of the token just made, shown this once.</summary>
    [TempData]
    public string? NewSecret { get; set; }

    public TokenListModel Tokens { get; private set; } = new([], "Revoke", DateTimeOffset.MinValue, TimeZoneInfo.Utc);

    private Guid Me => User.GetUserId()!.Value;

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        Response.Headers.CacheControl = "no-store";
        Tokens = new TokenListModel(await TokenRow.OfAsync(db, Me), "Revoke", clock.GetUtcNow(), clock.LocalTimeZone);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        if (Input.Days is { } days && !Lifetimes.Contains(days))
        {
            ModelState.AddModelError($"Input.{nameof(Input.Days)}", t["Tokens.DaysNotOffered"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        PersonalAccessToken token;
        string secret;
        try
        {
            (token, secret) = PersonalAccessToken.Issue(Me, Input.Name, Input.ReadOnly, Input.Days!.Value, clock.GetUtcNow());
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, t);
            await LoadAsync();
            return Page();
        }
        db.AccessTokens.Add(token);
        if (await this.SaveOnceAsync(db, FormToken, Url.Page("/Account/Tokens")!, clock) is { } repeated)
        {
            return repeated;
        }
        LogIssued(logger, token.Id, Me, token.ReadOnly, token.ExpiresAt);
        NewSecret = secret;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(x => x.Id == tokenId && x.UserId == Me);
        if (token is null)
        {
            return NotFound();
        }
        token.Revoke(Me, clock.GetUtcNow());
        await db.SaveChangesAsync();
        LogRevoked(logger, token.Id, Me);
        TempData["StatusMessage"] = t["Tokens.RevokedMessage", token.Name].Value;
        return RedirectToPage();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access token {TokenId} issued to user {UserId} (read-only {ReadOnly}, expires {ExpiresAt})")]
    private static partial void LogIssued(ILogger logger, Guid tokenId, Guid userId, bool readOnly, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Access token {TokenId} revoked by user {RevokedBy}")]
    internal static partial void LogRevoked(ILogger logger, Guid tokenId, Guid revokedBy);
}
