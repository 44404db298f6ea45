using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace VocEdAlliance.Web.Pages.Account;

/// <summary>Accounts are reset by a bureau admin, not by e-mail: this page says who to ask.</summary>
[AllowAnonymous]
public class ForgotPasswordModel : PageModel;
