using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SafetyDuty.Api.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>OpenTelemetry traces and metrics of the HTTP server, exported over OTLP when an endpoint is configured.</summary>
    public static IServiceCollection AddSafetyDutyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Whether to export at all is decided while services are registered, so the section is read here too;
        // the bound options above are what the start checks (a bad endpoint stops the start with one line).
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint));
        return services;
    }
}
