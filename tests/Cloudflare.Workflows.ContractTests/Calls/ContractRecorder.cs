using System.Net.Http.Headers;

namespace Cloudflare.Workflows.ContractTests.Calls;

/// <summary>What one SDK call did: on the wire (status, Prism's <c>sl-violations</c>) and in the SDK's reader.</summary>
internal sealed class CallRecord
{
    public CallRecord(ContractOperation operation, int round, string? seed)
    {
        Operation = operation;
        Round = round;
        Seed = seed;
    }

    public ContractOperation Operation { get; }

    public int Round { get; }

    /// <summary>The <c>Prefer: seed=…</c> sent (dynamic mode), so a failure can be replayed with curl.</summary>
    public string? Seed { get; }

    public string? Request { get; set; }

    public int? Status { get; set; }

    public string? ContentType { get; set; }

    /// <summary>Prism's <c>sl-violations</c> header: what it found wrong with the request (4xx) or its own response.</summary>
    public string? Violations { get; set; }

    public string? Body { get; set; }

    /// <summary>Every value the SDK's lenient reader had to replace (<see cref="CloudflareClientOptions.ReadIssueHandler"/>).</summary>
    public List<string> ReadIssues { get; } = new();

    public Exception? Failure { get; set; }

    /// <summary>Prism refused the request: 4xx with <c>sl-violations</c> (or any 4xx: Prism answers nothing else for a valid request).</summary>
    public bool Rejected => Status is >= 400 and < 500;

    /// <summary>The SDK could not read a 2xx answer: it threw, or its lenient reader replaced a value.</summary>
    public bool Unreadable => !Rejected && (Failure is not null || ReadIssues.Count > 0);

    /// <summary>One line per problem: the rejection with its violations, each read issue, the exception.</summary>
    public IEnumerable<string> Problems()
    {
        if (Rejected)
        {
            yield return $"HTTP {Status}: " + string.Join("; ", ViolationMessages().DefaultIfEmpty("(no sl-violations)"));
        }

        foreach (string issue in ReadIssues)
        {
            yield return "read issue: " + issue;
        }

        if (Failure is not null && !Rejected)
        {
            yield return Failure.GetType().Name + ": " + Failure.Message;
        }
    }

    /// <summary>The <c>message</c> of each entry of <c>sl-violations</c> (a JSON array).</summary>
    public IEnumerable<string> ViolationMessages()
    {
        if (Violations is null)
        {
            return Array.Empty<string>();
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(Violations);
            return document.RootElement.EnumerateArray().Select(v => v.TryGetProperty("message", out var m) ? m.GetString() ?? "" : v.GetRawText()).ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return new[] { Violations };
        }
    }

    public string Describe()
    {
        var text = $"{Operation.OperationId} ({Operation.CSharpCall}, round {Round}{(Seed is null ? string.Empty : ", Prefer: seed=" + Seed)}): {Request} -> {Status?.ToString() ?? "no answer"} {ContentType}";
        if (Violations is not null)
        {
            text += "\n    sl-violations: " + Violations;
        }

        foreach (string issue in ReadIssues)
        {
            text += "\n    read issue: " + issue;
        }

        if (Failure is not null)
        {
            text += "\n    " + Failure.GetType().Name + ": " + Failure.Message;
        }

        if (Body is not null && (Rejected || Unreadable))
        {
            text += "\n    body: " + (Body.Length > 1500 ? Body.Substring(0, 1500) + "…" : Body);
        }

        return text;
    }
}

/// <summary>
/// The transport end of the SDK's pipeline in the contract tests: sends <c>Prefer: seed=N</c> in dynamic mode (Prism
/// then generates the same response for the same request and seed) and fills in the <see cref="CallRecord"/> of the
/// call in flight (an <see cref="AsyncLocal{T}"/>, so calls may overlap).
/// </summary>
internal sealed class ContractRecorder : DelegatingHandler
{
    private static readonly AsyncLocal<CallRecord?> s_current = new();

    public ContractRecorder()
        : base(new SocketsHttpHandler { UseProxy = false })
    {
    }

    /// <summary>The record of the call in flight on this async flow.</summary>
    public static CallRecord? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallRecord? record = Current;
        if (record?.Seed is { } seed)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "seed=" + seed);
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            record.Request = request.Method + " " + request.RequestUri?.PathAndQuery;
            record.Status = (int)response.StatusCode;
            record.ContentType = response.Content.Headers.ContentType?.MediaType;
            if (response.Headers.TryGetValues("sl-violations", out IEnumerable<string>? violations))
            {
                record.Violations = string.Join(" ", violations);
            }

            // Buffered so the SDK still reads it; kept for the failure message.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            if (response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: { } mediaType } && mediaType.Contains("json", StringComparison.Ordinal))
            {
                record.Body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }
}
