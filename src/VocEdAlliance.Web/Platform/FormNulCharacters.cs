namespace VocEdAlliance.Web.Platform;

/// <summary>ASP.NET Core's form reader refuses a whole url-encoded form that holds an encoded NUL (<c>%00</c>) with a
/// bare 400, before any field is read, so the user would not learn which field was wrong. This middleware carries the
/// NUL to the input rules as another control character (U+0080, <c>%C2%80</c>) instead: the field that held it is then
/// refused with the usual "control character" message next to it, and nothing is stored. Only url-encoded POST bodies
/// up to 1 MB are looked at (multipart forms keep their bytes and reach the rules as they are).</summary>
public static class FormNulCharacters
{
    private const int MaxBytes = 1024 * 1024;
    private static readonly byte[] Nul = "%00"u8.ToArray();
    private static readonly byte[] Control = "%C2%80"u8.ToArray();

    public static void UseFormNulCharacters(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method) && request.ContentLength is > 0 and <= MaxBytes
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                var body = buffer.ToArray();
                if (body.AsSpan().IndexOf(Nul) >= 0)
                {
                    body = Replace(body);
                }
                request.Body = new MemoryStream(body, writable: false);
                request.ContentLength = body.Length;
            }
            await next(context);
        });

    private static byte[] Replace(byte[] body)
    {
        using var result = new MemoryStream(body.Length + 64);
        var rest = body.AsSpan();
        int at;
        while ((at = rest.IndexOf(Nul)) >= 0)
        {
            result.Write(rest[..at]);
            result.Write(Control);
            rest = rest[(at + Nul.Length)..];
        }
        result.Write(rest);
        return result.ToArray();
    }
}
