using MiniExcelLibs;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.IntegrationTests.Summaries;

public class TableExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("遵义市", "遵义市")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_neutralised(string text, string written) =>
        Assert.Equal(written, TableExport.Neutralise(text));

    [Fact]
    public async Task Both_formats_neutralise_formulas_in_text_and_keep_numbers_as_numbers()
    {
        var table = new TableExport("t", "测试", ["名称", "数量"], [["=1+1", 3], ["正常", -4]]);

        var csv = System.Text.Encoding.UTF8.GetString(await WrittenAsync(table.ToFile("csv")));
        var sheet = (await new MemoryStream(await WrittenAsync(table.ToFile("xlsx"))).QueryAsync(useHeaderRow: true, cancellationToken: TestContext.Current.CancellationToken))
            .Cast<IDictionary<string, object>>().ToList();

        Assert.Contains("\"'=1+1\",3", csv, StringComparison.Ordinal);
        Assert.Contains("\"正常\",-4", csv, StringComparison.Ordinal);
        Assert.Equal("'=1+1", sheet[0]["名称"]);
        Assert.Equal(-4d, Convert.ToDouble(sheet[1]["数量"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>What the result writes to a response.</summary>
    private static async Task<byte[]> WrittenAsync(Microsoft.AspNetCore.Mvc.IActionResult result)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(http, new Microsoft.AspNetCore.Routing.RouteData(),
            new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        return body.ToArray();
    }
}
