using BenchmarkDotNet.Running;
using SafetyDuty.Benchmarks;

// `sweep [--places 10,100,1000] [--reads N]`: the store's load-and-read sweep over synthetic knowledge bases.
// Anything else goes to BenchmarkDotNet (`--filter *`).
if (args is ["sweep", .. var rest])
{
    return await StoreSweep.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
