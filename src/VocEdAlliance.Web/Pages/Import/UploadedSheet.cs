using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>Why a file is not read at all (the resource key of the message, and its arguments).</summary>
public sealed class UnreadableFileException(string messageKey, params object[] arguments) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public object[] Arguments { get; } = arguments;
}

/// <summary>An uploaded table: its header row and its data rows (1-based row numbers as a spreadsheet shows them), as
/// text. XLSX is read with the Open XML SDK and CSV with CsvHelper; hostile files are refused before anything of them
/// is used: not a spreadsheet, an old or password-protected workbook, macros, a zip bomb, too large, too many rows;
/// a formula's cell gives its stored value (never evaluated); merged or missing header cells are refused.</summary>
public sealed class UploadedSheet
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 50_000;
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;
    private const int MaxZipEntries = 2_000;
    private const double MaxCompressionRatio = 200;

    public required IReadOnlyList<string> Headers { get; init; }
    public required int HeaderRow { get; init; }
    public required IReadOnlyList<(int Row, IReadOnlyList<string?> Cells)> Rows { get; init; }

    /// <summary>Reads a file, finding the header row (the first of the first ten rows that holds every required
    /// column: a template's first row, an export's fourth).</summary>
    public static UploadedSheet Read(byte[] content, string fileName, IReadOnlyList<string> required)
    {
        if (content.Length == 0)
        {
            throw new UnreadableFileException("Import.File.Empty");
        }
        if (content.Length > MaxBytes)
        {
            throw new UnreadableFileException("Import.File.TooLarge", MaxBytes / 1024 / 1024);
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".xlsm" or ".xlsb" or ".xltm")
        {
            throw new UnreadableFileException("Import.File.Macros");
        }
        var (rows, merged) = content.AsSpan().StartsWith("PK\u0003\u0004"u8) ? ReadWorkbook(content)
            : content.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })
                ? throw new UnreadableFileException(Encoding.Unicode.GetString(content).Contains("EncryptedPackage", StringComparison.Ordinal)
                    ? "Import.File.Encrypted" : "Import.File.OldWorkbook")
                : (ReadCsv(content), new HashSet<int>());
        return Locate(rows, merged, required);
    }

    private static UploadedSheet Locate(List<(int Row, List<string?> Cells)> rows, HashSet<int> mergedRows, IReadOnlyList<string> required)
    {
        static string Clean(string? header) => (header ?? string.Empty).Trim().TrimStart('\'').Trim();
        var best = (Index: -1, Found: 0);
        for (var i = 0; i < Math.Min(10, rows.Count); i++)
        {
            var found = rows[i].Cells.Select(Clean).Count(required.Contains);
            if (found > best.Found)
            {
                best = (i, found);
            }
        }
        if (best.Index < 0)
        {
            throw new UnreadableFileException("Import.File.NoHeaders", string.Join("、", required));
        }
        var header = rows[best.Index];
        if (mergedRows.Contains(header.Row))
        {
            throw new UnreadableFileException("Import.File.MergedHeaders", header.Row);
        }
        var headers = header.Cells.Select(Clean).ToList();
        var missing = required.Where(r => !headers.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new UnreadableFileException("Import.File.MissingColumns", string.Join("、", missing));
        }
        var repeated = headers.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new UnreadableFileException("Import.File.RepeatedColumns", string.Join("、", repeated));
        }
        var data = rows.Skip(best.Index + 1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (data.Count > MaxRows)
        {
            throw new UnreadableFileException("Import.File.TooManyRows", MaxRows);
        }
        return new UploadedSheet
        {
            Headers = headers,
            HeaderRow = header.Row,
            Rows = [.. data.Select(r => (r.Row, (IReadOnlyList<string?>)r.Cells))],
        };
    }

    /// <summary>The zip is checked before it is opened as a workbook: entry count, declared sizes and ratios (a zip
    /// bomb), macros.</summary>
    private static void CheckPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries)
            {
                throw new UnreadableFileException("Import.File.Bomb");
            }
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (unpacked > MaxUnpackedBytes || (entry.CompressedLength > 0 && entry.Length / (double)entry.CompressedLength > MaxCompressionRatio && entry.Length > 1024 * 1024))
                {
                    throw new UnreadableFileException("Import.File.Bomb");
                }
                if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UnreadableFileException("Import.File.Macros");
                }
            }
            if (zip.GetEntry("[Content_Types].xml") is not { } types)
            {
                throw new UnreadableFileException("Import.File.NotSpreadsheet");
            }
            using var reader = new StreamReader(types.Open());
            var text = reader.ReadToEnd();
            if (text.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
            {
                throw new UnreadableFileException("Import.File.Macros");
            }
            if (!text.Contains("spreadsheetml", StringComparison.Ordinal))
            {
                throw new UnreadableFileException("Import.File.NotSpreadsheet");
            }
        }
        catch (InvalidDataException)
        {
            throw new UnreadableFileException("Import.File.NotSpreadsheet");
        }
    }

    private static (List<(int Row, List<string?> Cells)> Rows, HashSet<int> MergedRows) ReadWorkbook(byte[] content)
    {
        CheckPackage(content);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
            var workbook = document.WorkbookPart ?? throw new UnreadableFileException("Import.File.NotSpreadsheet");
            // The first sheet: a template's data sheet comes first, its instructions after it.
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new UnreadableFileException("Import.File.NotSpreadsheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var rows = new List<(int Row, List<string?> Cells)>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                if (rows.Count > MaxRows + 20)
                {
                    throw new UnreadableFileException("Import.File.TooManyRows", MaxRows);
                }
                var cells = new List<string?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(null);
                    }
                    cells.Add(Text(cell, shared));
                }
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
            }
            var merged = new HashSet<int>();
            foreach (var range in part.Worksheet.Descendants<MergeCell>())
            {
                if (range.Reference?.Value?.Split(':') is [var from, var to] && RowOf(from) is { } first && RowOf(to) is { } last)
                {
                    for (var r = first; r <= last && r - first < 100; r++)
                    {
                        merged.Add(r);
                    }
                }
            }
            return (rows, merged);
        }
        catch (Exception broken) when (broken is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException)
        {
            throw new UnreadableFileException("Import.File.NotSpreadsheet");
        }
    }

    /// <summary>A cell's stored value as text: shared and inline strings, numbers as written (invariant), booleans; for
    /// a formula, the value it last had (the formula is never evaluated).</summary>
    private static string? Text(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Length ? shared[index] : null;
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }
        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }
        return value;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index > 0 && index <= 16_384 ? index - 1 : null;
    }

    private static int? RowOf(string reference) =>
        int.TryParse(new string([.. reference.SkipWhile(char.IsAsciiLetter)]), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;

    /// <summary>Files that are plainly something else: PDF, PNG, JPEG, GIF, and anything with control characters
    /// (other than tab and line breaks) near its start, which no CSV has.</summary>
    private static bool IsPlainlyNotText(byte[] content)
    {
        var start = content.AsSpan(0, Math.Min(content.Length, 8192));
        return start.StartsWith("%PDF"u8) || start.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) || start.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) || start.StartsWith("GIF8"u8)
               || start.IndexOfAnyInRange((byte)0, (byte)8) >= 0 || start.IndexOfAnyInRange((byte)14, (byte)31) >= 0 || start.IndexOf((byte)11) >= 0 || start.IndexOf((byte)12) >= 0;
    }

    private static List<(int Row, List<string?> Cells)> ReadCsv(byte[] content)
    {
        if (IsPlainlyNotText(content))
        {
            throw new UnreadableFileException("Import.File.NotSpreadsheet");
        }
        string text;
        if (content.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()))
        {
            text = Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                // Excel on Chinese Windows saves CSV in GB18030 (GBK).
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                text = Encoding.GetEncoding("GB18030").GetString(content);
            }
        }
        var rows = new List<(int Row, List<string?> Cells)>();
        try
        {
            using var parser = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
            while (parser.Read())
            {
                if (rows.Count > MaxRows + 20)
                {
                    throw new UnreadableFileException("Import.File.TooManyRows", MaxRows);
                }
                rows.Add((parser.Row, [.. parser.Record!.Select(c => (string?)c)]));
            }
        }
        catch (CsvHelperException)
        {
            throw new UnreadableFileException("Import.File.NotSpreadsheet");
        }
        return rows;
    }
}
