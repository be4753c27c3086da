namespace SafetyDuty.Seed.Reading;

/// <summary>Where the bundled seed documents are copied beside the running assembly: the seed project links them as
/// seed/documents, and a build from beside the tests copies them as documents/. Callers decide what a missing folder
/// means (the API logs it and starts empty; the synthetic generator cannot work without it).</summary>
public static class BundledDocuments
{
    public static string Folder
    {
        get
        {
            var linked = Path.Combine(AppContext.BaseDirectory, "seed", "documents");
            return Directory.Exists(linked) ? linked : Path.Combine(AppContext.BaseDirectory, "documents");
        }
    }
}
