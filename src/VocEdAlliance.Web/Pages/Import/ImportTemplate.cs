using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>One column of an import: its header (the form's label, in the user's language), whether it must be
/// filled, what it takes (said on the instructions sheet), and the values a drop-down offers.</summary>
public sealed record ImportColumn(string Header, bool Required, string Explanation, IReadOnlyList<string>? Choices = null);

/// <summary>A kind's template as an XLSX workbook (Open XML SDK): the data sheet first — headers in the first row,
/// frozen; every column with fixed choices a drop-down of them (data validation, from a hidden sheet) — then the
/// instructions sheet: what each column takes, which must be filled, how existing records are matched.</summary>
public static class ImportTemplate
{
    public static byte[] Write(string dataSheet, string instructionsSheet, IReadOnlyList<ImportColumn> columns,
        IReadOnlyList<string> instructionsHeaders, IReadOnlyList<string> notes, string requiredWord)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.Sheets!;

            // The data sheet: headers (bold), frozen, drop-downs on the first 10,000 rows.
            var data = workbook.AddNewPart<WorksheetPart>();
            var dataRows = new SheetData(Row(1, columns.Select(c => c.Header), style: 1));
            var worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { WorkbookViewId = 0 }),
                new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Max(12, c.Header.Length * 2.2), CustomWidth = true })),
                dataRows);
            var validations = new DataValidations();
            var choices = columns.Select((c, i) => (Column: c, Index: i)).Where(x => x.Column.Choices is { Count: > 0 }).ToList();
            for (var k = 0; k < choices.Count; k++)
            {
                var (column, index) = choices[k];
                var letter = VocEdAlliance.Web.Summaries.TableExport.Column(index);
                var listColumn = VocEdAlliance.Web.Summaries.TableExport.Column(k);
                validations.Append(new DataValidation(new Formula1($"'选项'!${listColumn}$1:${listColumn}${column.Choices!.Count}"))
                {
                    Type = DataValidationValues.List, AllowBlank = !column.Required, ShowErrorMessage = true,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}10001" },
                });
            }
            if (choices.Count > 0)
            {
                validations.Count = (uint)choices.Count;
                worksheet.Append(validations);
            }
            data.Worksheet = worksheet;
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = dataSheet });

            // The instructions sheet.
            var instructions = workbook.AddNewPart<WorksheetPart>();
            var lines = new SheetData(Row(1, instructionsHeaders, style: 1));
            var r = 2u;
            foreach (var column in columns)
            {
                lines.Append(Row(r++, [column.Header, column.Required ? requiredWord : string.Empty, column.Explanation,
                    column.Choices is { } list ? string.Join("、", list) : string.Empty]));
            }
            r++;
            foreach (var note in notes)
            {
                lines.Append(Row(r++, [note]));
            }
            instructions.Worksheet = new Worksheet(
                new Columns(new Column { Min = 1, Max = 1, Width = 22, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 8, CustomWidth = true },
                    new Column { Min = 3, Max = 3, Width = 70, CustomWidth = true }, new Column { Min = 4, Max = 4, Width = 50, CustomWidth = true }),
                lines);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(instructions), SheetId = 2, Name = instructionsSheet });

            // The lists behind the drop-downs, hidden.
            var lists = workbook.AddNewPart<WorksheetPart>();
            var listRows = new SheetData();
            var longest = choices.Count == 0 ? 0 : choices.Max(c => c.Column.Choices!.Count);
            for (var i = 0; i < longest; i++)
            {
                listRows.Append(Row((uint)i + 1, choices.Select(c => i < c.Column.Choices!.Count ? c.Column.Choices[i] : string.Empty)));
            }
            lists.Worksheet = new Worksheet(listRows);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(lists), SheetId = 3, Name = "选项", State = SheetStateValues.Hidden });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<string> values, uint style = 0)
    {
        var row = new Row { RowIndex = index };
        var i = 0;
        foreach (var value in values)
        {
            row.Append(new Cell
            {
                CellReference = VocEdAlliance.Web.Summaries.TableExport.Column(i++) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
                StyleIndex = style == 0 ? null : style,
            });
        }
        return row;
    }

    /// <summary>Two cell formats: plain, and bold headers.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
