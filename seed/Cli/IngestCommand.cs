namespace SafetyDuty.Seed.Cli;

internal static class IngestCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("尚未实现 (not implemented yet)");
        return Task.FromResult(2);
    }
}
