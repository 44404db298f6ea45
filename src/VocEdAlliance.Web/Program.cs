using VocEdAlliance.Web.Api;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.ConfigurePortalServer();
// Run from the build output (tests, a developer's bin folder) as from a publish: the compressed copies of the static assets
// live in the build's intermediate folder, which only the static web assets manifest names (a no-op once published).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddPortalClock(builder.Configuration);
builder.Services.AddPortalDatabase(builder.Configuration);
builder.Services.AddPortalIdentity();
SignInThrottle.Register(builder.Services, builder.Configuration);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalModelBinding();
builder.Services.AddPortalHealthChecks();
builder.Services.AddPortalCompression();
builder.Services.AddSingleton<VocEdAlliance.Web.Summaries.SummaryCache>();
builder.Services.AddSingleton<VocEdAlliance.Web.Pages.Import.RowBinding>();
builder.Services.AddSingleton<VocEdAlliance.Web.Pages.Import.ImportProgress>();
builder.Services.AddPortalApi(builder.Configuration);
builder.Services.AddPortalMetrics(builder.Configuration);
builder.Services.AddRazorPages()
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

var app = builder.Build();
app.WarnIfOptional();

await app.InitialiseDatabaseAsync();

app.UseForwardedHeaders();
app.UsePortalErrorPages();
app.UseApiProblems();
app.UsePortalSecurityHeaders();
app.UseResponseCompression();
app.UsePortalRequestLogging();
app.UseFormNulCharacters();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
// After authorization: the API's limit is per token, known once the token has signed the request in.
app.UseRateLimiter();

app.MapStaticAssets().AllowAnonymous();
app.MapPortalHealthChecks();
app.MapPortalMetrics();
app.MapRazorPages().WithStaticAssets();
app.MapPortalApi();
app.MapScalarBundle();

await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
