using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Reading;
using SafetyDuty.Seed.Vocabulary;
using Spectre.Console;

namespace SafetyDuty.Seed.Cli;

/// <summary>report [--json] FILE — reads without writing and prints the quality report.</summary>
internal static class ReportCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Task<int> RunAsync(string[] args)
    {
        var json = args.Contains("--json");
        var files = args.Where(a => a != "--json").ToList();
        if (files.Count != 1)
        {
            return Task.FromResult(Usage.Print());
        }

        try
        {
            var reader = new DutyDocumentReader(Vocabularies.LoadDefault());
            var result = reader.Read(files[0]);
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(result.Report, Json));
            }
            else
            {
                Print(result.Report);
            }

            return Task.FromResult(0);
        }
        catch (DocumentReadException e)
        {
            Console.Error.WriteLine($"无法读取 (cannot read) {e.Message}");
            return Task.FromResult(1);
        }
    }

    private static void Print(QualityReport report)
    {
        var table = new Table().AddColumn("项目 (item)").AddColumn(new TableColumn("数量 (count)").RightAligned());
        table.Title = new TableTitle(Markup.Escape($"{report.Title} — {report.Jurisdiction}"));
        void Row(string name, int value) => table.AddRow(Markup.Escape(name), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("单位 (bodies)", report.Bodies);
        Row("领导岗位 (leaders)", report.Leaders);
        Row("职责条目 (duties)", report.Duties);
        Row("共同职责 (common duties)", report.CommonDuties);
        Row("法律法规 (laws)", report.Laws);
        Row("涉及行业领域 (sectors covered)", report.SectorsCovered);
        Row("牵头/主责 (LEAD edges)", report.LeadEdges);
        Row("配合/协助 (ASSIST edges)", report.AssistEdges);
        Row("已识别的提及 (mentions resolved)", report.MentionsResolved);
        Row("未识别的提及 (mentions unresolved)", report.MentionsUnresolved);
        AnsiConsole.Write(table);
        if (report.IsEmpty)
        {
            AnsiConsole.MarkupLine("[yellow]未找到任何单位、领导岗位或职责 (nothing found)[/]");
        }

        if (report.UnattributedLines.Count > 0)
        {
            AnsiConsole.MarkupLine($"[bold]未归属的行 (unattributed lines): {report.UnattributedLines.Count}[/]");
            foreach (var line in report.UnattributedLines)
            {
                AnsiConsole.MarkupLine($"  {line.Line,5}: {Markup.Escape(Shorten(line.Text))}");
            }
        }

        if (report.Warnings.Count > 0)
        {
            AnsiConsole.MarkupLine($"[bold yellow]警告 (warnings): {report.Warnings.Count}[/]");
            foreach (var warning in report.Warnings)
            {
                AnsiConsole.MarkupLine($"  - {Markup.Escape(warning)}");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
