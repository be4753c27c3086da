using BenchmarkDotNet.Attributes;
using SafetyDuty.Seed.Extraction;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Benchmarks;

/// <summary>Reading all five bundled seed documents from disk into their graphs, warm.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private DutyDocumentReader _reader = null!;
    private string[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _reader = new DutyDocumentReader(Vocabularies.LoadDefault());
        _files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "documents"), "*.txt").Order(StringComparer.Ordinal).ToArray();
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
}
