using BenchmarkDotNet.Running;
using SafetyDuty.Benchmarks.Load;

// `load --url …` runs the GraphQL load client (see bench/run-load.sh); anything else goes to BenchmarkDotNet.
if (args is ["load", .. var rest])
{
    return await GraphQLLoadTest.RunAsync(rest);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
