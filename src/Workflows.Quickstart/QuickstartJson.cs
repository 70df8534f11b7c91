using System.Text.Json.Serialization;

namespace Workflows.Quickstart;

/// <summary>The params the quickstart starts the <c>approval</c> workflow with.</summary>
/// <param name="RequestedBy">Who asks for the approval.</param>
/// <param name="Amount">What it is about.</param>
/// <param name="Fail">The test workflow's switch: when true its "flaky" step always throws, so the instance errors.</param>
public sealed record ApprovalRequest(string RequestedBy, double Amount, bool Fail);

/// <summary>The payload of the <c>approve</c> event the workflow waits for.</summary>
/// <param name="ApprovedBy">Who approved.</param>
/// <param name="Comment">Why.</param>
public sealed record ApprovalDecision(string ApprovedBy, string Comment);

/// <summary>
/// Compile-time JSON metadata for the quickstart's own types: System.Text.Json writes them without reflection,
/// which keeps the program trimmable and NativeAOT-ready (reflection-based JSON is switched off in the project).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApprovalRequest))]
[JsonSerializable(typeof(ApprovalDecision))]
public sealed partial class QuickstartJson : JsonSerializerContext;
