using System.Diagnostics.CodeAnalysis;

// "Structure" is the feature folder STYLE.md names (seed/Structure/); the namespace follows the folder. VB's keyword
// does not matter to a C#-only codebase.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Feature folder name", Scope = "namespace", Target = "~N:SafetyDuty.Seed.Structure")]
