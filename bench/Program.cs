using BenchmarkDotNet.Running;
using SafetyDuty.Benchmarks;

// Named by a benchmark class: the seed tool's top-level Program is visible here too.
BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(args);
