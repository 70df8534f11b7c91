using System.Net.Http.Headers;

namespace Cloudflare.Workflows.ContractTests.Calls;

/// <summary>What one SDK call did: on the wire (status, Prism's <c>sl-violations</c>) and in the SDK's reader.</summary>
internal sealed class CallRecord
{
    public CallRecord(ContractOperation operation, int round, string? seed, int? preferredStatus = null)
    {
        Operation = operation;
        Round = round;
        Seed = seed;
        PreferredStatus = preferredStatus;
    }

    public ContractOperation Operation { get; }

    public int Round { get; }

    /// <summary>The <c>Prefer: seed=…</c> sent (dynamic mode), so a failure can be replayed with curl.</summary>
    public string? Seed { get; }

    /// <summary>The <c>Prefer: code=…</c> sent: one of the operation's declared error answers, instead of its 200.</summary>
    public int? PreferredStatus { get; }

    public string? Request { get; set; }

    public int? Status { get; set; }

    public string? ContentType { get; set; }

    /// <summary>Prism's <c>sl-violations</c> header: what it found wrong with the request (4xx) or its own response.</summary>
    public string? Violations { get; set; }

    public string? Body { get; set; }

    /// <summary>Every value the SDK's lenient reader had to replace (<see cref="CloudflareClientOptions.ReadIssueHandler"/>).</summary>
    public List<string> ReadIssues { get; } = new();

    public Exception? Failure { get; set; }

    /// <summary>
    /// Prism refused the request: a 4xx (with <c>sl-violations</c>; Prism answers nothing else for a valid request), or
    /// for a <see cref="PreferredStatus"/> call any violation or any other status than the one asked for.
    /// </summary>
    public bool Rejected => PreferredStatus is null ? Status is >= 400 and < 500 : Violations is not null || Status != PreferredStatus;

    /// <summary>
    /// The SDK could not read the answer: for a 200, it threw or its lenient reader replaced a value; for a declared
    /// error answer, it did not throw the exception type of that status carrying the body's errors.
    /// </summary>
    public bool Unreadable => !Rejected && (PreferredStatus is null ? Failure is not null || ReadIssues.Count > 0 : ErrorMismatch() is not null);

    /// <summary>The exception type the SDK throws for a status (CloudflareApiException.Create).</summary>
    public static Type ExceptionTypeFor(int status) => status switch
    {
        400 or 422 => typeof(CloudflareBadRequestException),
        401 => typeof(CloudflareAuthenticationException),
        403 => typeof(CloudflarePermissionDeniedException),
        404 => typeof(CloudflareNotFoundException),
        409 => typeof(CloudflareConflictException),
        429 => typeof(CloudflareRateLimitException),
        >= 500 => typeof(CloudflareServerException),
        _ => typeof(CloudflareApiException),
    };

    /// <summary>What is wrong with the exception of a declared error answer; null when it is the right one.</summary>
    private string? ErrorMismatch()
    {
        int status = PreferredStatus!.Value;
        if (Failure is not CloudflareApiException api || api.GetType() != ExceptionTypeFor(status) || (int)api.StatusCode != status)
        {
            return $"expected {ExceptionTypeFor(status).Name} (HTTP {status}), got {(Failure is null ? "no exception" : Failure.GetType().Name + " " + Failure.Message)}";
        }

        if (ReadIssues.Count > 0)
        {
            return "the error answer's reader replaced values";
        }

        var expected = new List<string>();
        using (var body = System.Text.Json.JsonDocument.Parse(Body ?? "{}"))
        {
            if (body.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                expected.AddRange(errors.EnumerateArray().Select(e => $"[{e.GetProperty("code").GetRawText()}] {e.GetProperty("message").GetString()}"));
            }
        }

        var actual = api.Errors.Select(e => e.ToString()).ToList();
        return expected.SequenceEqual(actual) ? null : $"errors read as [{string.Join("; ", actual)}], the body has [{string.Join("; ", expected)}]";
    }

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

        if (Rejected)
        {
            yield break;
        }

        if (PreferredStatus is not null)
        {
            if (ErrorMismatch() is { } mismatch)
            {
                yield return mismatch;
            }
        }
        else if (Failure is not null)
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
        string prefer = string.Join(", ", new[] { PreferredStatus is { } code ? "code=" + code : null, Seed is null ? null : "seed=" + Seed }.Where(p => p is not null));
        var text = $"{Operation.OperationId} ({Operation.CSharpCall}, round {Round}{(prefer.Length == 0 ? string.Empty : ", Prefer: " + prefer)}): {Request} -> {Status?.ToString() ?? "no answer"} {ContentType}";
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
/// then generates the same response for the same request and seed) and <c>Prefer: code=N</c> for a declared error
/// answer, and fills in the <see cref="CallRecord"/> of the
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

        if (record?.PreferredStatus is { } code)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "code=" + code.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
