using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>What a page answered: its status, where it ended up after redirects, and its parsed HTML.</summary>
public sealed record PortalPage(HttpStatusCode Status, Uri Url, IHtmlDocument Document, HttpResponseMessage Response)
{
    public string Text => Document.Body?.TextContent ?? string.Empty;

    /// <summary>The validation message shown next to a field (<c>asp-validation-for</c>).</summary>
    public string FieldError(string field) =>
        Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? string.Empty;

    public string Summary => Document.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? string.Empty;
}

/// <summary>A browser-like session over HTTP: keeps cookies, follows redirects, and submits the page's real forms
/// (with their antiforgery token), the way a user's browser would.</summary>
public sealed class PortalSession(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The page's own form (the header's language and sign-out forms are outside &lt;main&gt;).</summary>
    public const string MainForm = "main form[method=post]";

    public HttpClient Http => http;

    public async Task<PortalPage> GetAsync(string url) => await FollowAsync(await http.GetAsync(url));

    /// <summary>Fills the form found by <paramref name="formSelector"/> like a user would (other fields keep what
    /// the page put there) and submits it.</summary>
    public async Task<PortalPage> SubmitAsync(
        PortalPage page, string formSelector, IReadOnlyDictionary<string, string>? fields = null, (string Name, string Value)? submitter = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var values = FormValues(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        if (submitter is { } button)
        {
            values.Add(new(button.Name, button.Value));
        }
        // As a browser does: a button with a formaction of its own (asp-page-handler) posts there.
        var action = submitter is { } pressed
                     && form.QuerySelectorAll("button[formaction]").FirstOrDefault(b => b.GetAttribute("name") == pressed.Name && b.GetAttribute("value") == pressed.Value)
                         is { } withAction
            ? withAction.GetAttribute("formaction")
            : form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        using var content = new FormUrlEncodedContent(values);
        return await FollowAsync(await http.PostAsync(target, content));
    }

    public async Task<PortalPage> SignInAsync(string email, string password)
    {
        var signIn = await GetAsync("/Account/SignIn");
        return await SubmitAsync(signIn, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    private static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" or "image" or "reset" or "file"
                        || (input.Type is "checkbox" or "radio" && !input.IsChecked))
                    {
                        break;
                    }
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.AddRange(select.SelectedOptions.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        return values;
    }

    private async Task<PortalPage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var location = response.Headers.Location ?? throw new InvalidOperationException("A redirect without Location");
            var next = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response.Dispose();
            response = await http.GetAsync(next);
        }
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        return new PortalPage(response.StatusCode, response.RequestMessage!.RequestUri!, document, response);
    }

    public void Dispose() => http.Dispose();
}
