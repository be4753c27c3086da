using Xunit.Abstractions;
using Xunit.Sdk;

namespace SafetyDuty.Tests.Graph;

/// <summary>A fact of the store contract suite. It runs like <see cref="FactAttribute"/>, except in a test class
/// marked <see cref="RequiresEnvironmentAttribute"/> whose variable is not set: there it is reported as skipped,
/// with the reason, rather than silently passing or failing.</summary>
[XunitTestCaseDiscoverer("SafetyDuty.Tests.Graph.StoreFactDiscoverer", "SafetyDuty.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>Marks a test class that needs an outside service, named by an environment variable.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        // The class under test is the concrete subclass, not the abstract suite that declares the method.
        var requirement = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
        string? skip = null;
        if (requirement is not null)
        {
            var variable = requirement.GetNamedArgument<string>(nameof(RequiresEnvironmentAttribute.Variable));
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
            {
                skip = requirement.GetNamedArgument<string>(nameof(RequiresEnvironmentAttribute.Reason));
            }
        }

        yield return new StoreTestCase(
            diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod,
            skip);
    }
}

/// <summary>A test case whose skip reason comes from the environment of its class, not from the attribute.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    private string? _skip;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        string? skip)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod) => _skip = skip;

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("EnvironmentSkip", _skip);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _skip = data.GetValue<string>("EnvironmentSkip");
        base.Deserialize(data);
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _skip ?? base.GetSkipReason(factAttribute);
}
