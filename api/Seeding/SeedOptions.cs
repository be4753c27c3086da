namespace SafetyDuty.Api.Seeding;

/// <summary>Settings of section <c>Seed</c>: what the service loads at start.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Load the bundled seed documents when the store holds no document (<c>Seed__OnEmpty=false</c> turns it off).</summary>
    public bool OnEmpty { get; set; } = true;

    /// <summary>Where the documents to seed are; relative paths are under the application's directory.
    /// Empty: the bundled seed documents the reader's build copies beside the application.</summary>
    public string? Documents { get; set; }
}
