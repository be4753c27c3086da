using BenchmarkDotNet.Running;
using SafetyDuty.Benchmarks;
using SafetyDuty.Benchmarks.Load;

// `sweep [--places 10,100,1000] [--reads N]`: the store's load-and-read sweep over synthetic knowledge bases.
// `load --url …`: the GraphQL load client (see bench/run-load.sh).
// Anything else goes to BenchmarkDotNet (`--filter *`).
return args switch
{
    ["sweep", .. var rest] => await StoreSweep.RunAsync(rest),
    ["load", .. var rest] => await GraphQLLoadTest.RunAsync(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(args);
    return 0;
}
