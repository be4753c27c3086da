using BenchmarkDotNet.Attributes;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Benchmarks;

/// <summary>Reading documents from disk into their graphs, warm: the five bundled seeds, and the reader's test corpus
/// (tests/Seed/Corpus: Word files with automatic numbering, portal pages, 权责清单 tables, town lists …).</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private DutyDocumentReader _reader = null!;
    private string[] _files = [];
    private string[] _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        _reader = new DutyDocumentReader(Vocabularies.LoadDefault());
        _files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "documents"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        _corpus = Directory.GetFiles(Path.Combine(RepositoryRoot(), "tests", "Seed", "Corpus"))
            .Where(f => !f.EndsWith(".cs", StringComparison.Ordinal) && !f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
    }

    [Benchmark]
    public int ReadAllFiveSeeds()
    {
        var duties = 0;
        foreach (var file in _files)
        {
            duties += _reader.Read(file).Report.Duties;
        }

        return duties;
    }

    [Benchmark]
    public int ReadTheTestCorpus()
    {
        var duties = 0;
        foreach (var file in _corpus)
        {
            duties += _reader.Read(file).Report.Duties;
        }

        return duties;
    }

    // The benchmark runs from its build output, somewhere below the repository's root.
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SafetyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("SafetyDuty.sln not found above " + AppContext.BaseDirectory);
    }
}
