using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cloudflare.Workflows.Benchmarks.HandWritten;

// What a careful developer writes by hand for System.Text.Json's source generator: the same shapes as the SDK's models
// (so both clients produce the same objects from the same bytes): closed enums instead of open ones, a small converter
// for the API's "string or number (or anything)" values, and the step union as STJ polymorphism. Settable properties
// with [JsonRequired] rather than init/required: STJ deserializes init-only/required members through its
// parameterized-constructor path, which measured about 30% slower here, and a good baseline takes the fast path.

/// <summary>Cloudflare's envelope.</summary>
public sealed record ApiEnvelope<T>
{
    public bool Success { get; set; }

    public IReadOnlyList<ApiMessage>? Errors { get; set; }

    public IReadOnlyList<ApiMessage>? Messages { get; set; }

    public T? Result { get; set; }

    public ApiResultInfo? ResultInfo { get; set; }
}

public sealed record ApiMessage
{
    public int Code { get; set; }

    public string? Message { get; set; }
}

public sealed record ApiResultInfo
{
    public long? Count { get; set; }

    public long? Page { get; set; }

    public long? PerPage { get; set; }

    public long? TotalCount { get; set; }

    public long? TotalPages { get; set; }

    public string? Cursor { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<Status>))]
public enum Status
{
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("paused")] Paused,
    [JsonStringEnumMemberName("errored")] Errored,
    [JsonStringEnumMemberName("terminated")] Terminated,
    [JsonStringEnumMemberName("complete")] Complete,
    [JsonStringEnumMemberName("waitingForPause")] WaitingForPause,
    [JsonStringEnumMemberName("waiting")] Waiting,
}

[JsonConverter(typeof(JsonStringEnumConverter<Backoff>))]
public enum Backoff
{
    [JsonStringEnumMemberName("constant")] Constant,
    [JsonStringEnumMemberName("linear")] Linear,
    [JsonStringEnumMemberName("exponential")] Exponential,
}

/// <summary>A string, a number, or (for values the API calls "unknown") any other JSON.</summary>
[JsonConverter(typeof(FlexibleValueConverter))]
public sealed record FlexibleValue(string? String, double? Number, JsonElement? Other);

public sealed class FlexibleValueConverter : JsonConverter<FlexibleValue>
{
    public override FlexibleValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new FlexibleValue(reader.GetString(), null, null),
        JsonTokenType.Number => new FlexibleValue(null, reader.GetDouble(), null),
        _ => new FlexibleValue(null, null, JsonElement.ParseValue(ref reader)),
    };

    public override void Write(Utf8JsonWriter writer, FlexibleValue value, JsonSerializerOptions options)
    {
        if (value.String is { } text)
        {
            writer.WriteStringValue(text);
        }
        else if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else if (value.Other is { } other)
        {
            other.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

public sealed record ErrorDetails
{
    public string? Name { get; set; }

    public string? Message { get; set; }
}

public sealed record Trigger
{
    public string? Source { get; set; }
}

public sealed record InstanceDetails
{
    [JsonRequired] public Status Status { get; set; }

    public JsonElement? Params { get; set; }

    public DateTimeOffset? Queued { get; set; }

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public FlexibleValue? Output { get; set; }

    public ErrorDetails? Error { get; set; }

    public long? StepCount { get; set; }

    public IReadOnlyList<Step>? Steps { get; set; }

    public bool? Success { get; set; }

    public Trigger? Trigger { get; set; }

    [JsonPropertyName("versionId")]
    public string? VersionId { get; set; }
}

/// <summary>One step: the <c>type</c> property picks the variant (it is not the first property, hence AllowOutOfOrderMetadataProperties).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToBaseType)]
[JsonDerivedType(typeof(RunStep), "step")]
[JsonDerivedType(typeof(SleepStep), "sleep")]
[JsonDerivedType(typeof(WaitForEventStep), "waitForEvent")]
[JsonDerivedType(typeof(TerminationStep), "termination")]
public record Step;

public sealed record RunStep : Step
{
    [JsonRequired] public string Name { get; set; } = null!;

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public bool? Success { get; set; }

    public FlexibleValue? Output { get; set; }

    public StepConfig? Config { get; set; }

    public IReadOnlyList<StepAttempt>? Attempts { get; set; }
}

public sealed record SleepStep : Step
{
    [JsonRequired] public string Name { get; set; } = null!;

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public bool? Finished { get; set; }

    public ErrorDetails? Error { get; set; }
}

public sealed record WaitForEventStep : Step
{
    [JsonRequired] public string Name { get; set; } = null!;

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public bool? Finished { get; set; }

    public ErrorDetails? Error { get; set; }

    public FlexibleValue? Output { get; set; }

    public bool? Success { get; set; }
}

public sealed record TerminationStep : Step
{
    public Trigger? Trigger { get; set; }
}

public sealed record StepConfig
{
    public StepRetries? Retries { get; set; }

    public FlexibleValue? Timeout { get; set; }
}

public sealed record StepRetries
{
    public FlexibleValue? Delay { get; set; }

    public double? Limit { get; set; }

    public Backoff? Backoff { get; set; }
}

public sealed record StepAttempt
{
    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public bool? Success { get; set; }

    public ErrorDetails? Error { get; set; }
}

public sealed record InstanceSummary
{
    [JsonRequired] public string Id { get; set; } = null!;

    public DateTimeOffset? CreatedOn { get; set; }

    public DateTimeOffset? EndedOn { get; set; }

    public DateTimeOffset? ModifiedOn { get; set; }

    public DateTimeOffset? StartedOn { get; set; }

    public Status? Status { get; set; }

    public string? VersionId { get; set; }

    public string? WorkflowId { get; set; }
}

public sealed record CreateInstanceRequest
{
    public string? InstanceId { get; set; }

    public InstanceRetention? InstanceRetention { get; set; }

    public JsonElement? Params { get; set; }
}

public sealed record InstanceRetention
{
    public FlexibleValue? ErrorRetention { get; set; }

    public FlexibleValue? SuccessRetention { get; set; }
}

public sealed record CreatedInstance
{
    [JsonRequired] public string Id { get; set; } = null!;

    public Status? Status { get; set; }

    public string? VersionId { get; set; }

    public string? WorkflowId { get; set; }
}

/// <summary>Source-generated metadata and (for the request) fast-path serialization; no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ApiEnvelope<InstanceDetails>))]
[JsonSerializable(typeof(ApiEnvelope<List<InstanceSummary>>))]
[JsonSerializable(typeof(ApiEnvelope<CreatedInstance>))]
[JsonSerializable(typeof(CreateInstanceRequest))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext;
