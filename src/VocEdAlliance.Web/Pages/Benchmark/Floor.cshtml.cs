using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Pages.Benchmark;

/// <summary>The benchmark's floor: one indexed query of 50 rows rendered through the portal's layout, the fastest a
/// database-backed page can be on this stack. Exists only when the portal runs with Benchmark:Enabled=true
/// (scripts/bench); otherwise 404.</summary>
public sealed class FloorModel(AppDbContext db, IConfiguration configuration) : PageModel
{
    public sealed record Row(string Code, string Name, string Level);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!configuration.GetValue<bool>("Benchmark:Enabled"))
        {
            return NotFound();
        }
        Rows = await db.Regions.AsNoTracking().OrderBy(r => r.Code).Take(50)
            .Select(r => new Row(r.Code, r.Name, r.Level.ToString())).ToListAsync();
        return Page();
    }
}
