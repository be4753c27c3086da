namespace SafetyDuty.Api.Telemetry;

/// <summary>Settings of section <c>Telemetry</c>. Without an OTLP endpoint nothing is exported.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP collector, e.g. http://localhost:4317. Empty: no export.</summary>
    public string? OtlpEndpoint { get; set; }

    public string ServiceName { get; set; } = "safetyduty-api";
}
