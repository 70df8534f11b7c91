using System.Text.Json.Serialization;

namespace Workflows.SampleApp;

/// <summary>The sample's answer to a started approval.</summary>
/// <param name="InstanceId">The workflow instance id.</param>
/// <param name="Status">Its status when created.</param>
public sealed record ApprovalStarted(string InstanceId, string? Status);

/// <summary>The sample's view of an approval.</summary>
/// <param name="OrderId">The order (= instance id).</param>
/// <param name="Status">The instance's status.</param>
/// <param name="Steps">How many steps it has run.</param>
public sealed record ApprovalState(string OrderId, string Status, int Steps);

/// <summary>Source-generated JSON for the sample's own responses.</summary>
[JsonSerializable(typeof(ApprovalStarted))]
[JsonSerializable(typeof(ApprovalState))]
[JsonSerializable(typeof(decimal))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class SampleJson : JsonSerializerContext;
