using SafetyDuty.Seed.Cli;

// The command-line tool. Its command lines are a contract other tools rely on:
//   ingest [--json] --db PATH FILE_OR_FOLDER...   load documents into the store (Store__Kind etc. honoured)
//   report [--json] FILE                 read without writing; print the quality report
//   generate --places N --db PATH        build a synthetic knowledge base (benchmarks, crash tests)
return args switch
{
    ["ingest", .. var rest] => await IngestCommand.RunAsync(rest),
    ["report", .. var rest] => await ReportCommand.RunAsync(rest),
    ["generate", .. var rest] => await GenerateCommand.RunAsync(rest),
    _ => Usage.Print(),
};

// Declared so ASP.NET Core's generator (the tool uses the shared framework for configuration) does not make this
// Program public: the tests see the API's Program, and only that one.
internal sealed partial class Program;
