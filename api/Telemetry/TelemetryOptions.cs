using System.ComponentModel.DataAnnotations;

namespace SafetyDuty.Api.Telemetry;

/// <summary>Settings of section <c>Telemetry</c>. Without an OTLP endpoint nothing is exported.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>OTLP collector, e.g. http://localhost:4317. Empty: no export.</summary>
    public string? OtlpEndpoint { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string ServiceName { get; set; } = "safetyduty-api";

    // Empty means no export (the shipped settings carry ""), so [Url] would refuse the default: checked here instead.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult(
                $"Telemetry:OtlpEndpoint 须为完整地址，如 http://localhost:4317 (must be an absolute address), 现为“{OtlpEndpoint}”.",
                [nameof(OtlpEndpoint)]);
        }
    }
}
