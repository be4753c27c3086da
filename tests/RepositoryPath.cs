namespace SafetyDuty.Tests;

/// <summary>Files of the repository the tests read (the kept schema, the page's scripts, the Node.js helpers), found
/// from the test assembly's directory upwards: the tests run from tests/bin/….</summary>
internal static class RepositoryPath
{
    /// <summary>The full path of <paramref name="relative"/> (a file, or a folder that holds <paramref name="marker"/>
    /// when one is named) in the nearest folder above the test assembly that has it.</summary>
    public static string Of(string relative, string? marker = null)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (marker is null ? File.Exists(candidate) || Directory.Exists(candidate) : File.Exists(Path.Combine(candidate, marker)))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
