using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cloudflare.Workflows.Benchmarks.HandWritten;

/// <summary>
/// The baseline: a good hand-written client. <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// with headers read first, the body streamed straight into <see cref="HttpContentJsonExtensions.ReadFromJsonAsync{T}(HttpContent, JsonTypeInfo{T}, CancellationToken)"/>
/// with source-generated metadata, the request body written lazily by <see cref="JsonContent"/>, the envelope's
/// <c>success</c> checked, path segments escaped. Credentials and headers set once on the <see cref="HttpClient"/>;
/// its own <see cref="HttpClient.Timeout"/> is the per-request timeout. No retries, no tracing, no policies.
/// </summary>
public sealed class HandWrittenWorkflowsClient
{
    private readonly HttpClient _http;
    private readonly string _accountBase;

    public HandWrittenWorkflowsClient(HttpClient http, string baseUri, string accountId, string apiToken)
    {
        _http = http;
        _accountBase = $"{baseUri}/accounts/{Uri.EscapeDataString(accountId)}/workflows/";
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("HandWrittenWorkflows", "1.0"));
    }

    public async Task<InstanceDetails> GetAsync(string workflowName, string instanceId, CancellationToken cancellationToken = default)
    {
        var uri = new Uri($"{_accountBase}{Uri.EscapeDataString(workflowName)}/instances/{Uri.EscapeDataString(instanceId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var envelope = await SendAsync(request, HandWrittenJsonContext.Default.ApiEnvelopeInstanceDetails, cancellationToken).ConfigureAwait(false);
        return envelope.Result ?? throw new HandWrittenApiException("The response has no result.");
    }

    /// <summary>
    /// The same GET, deserialized the other common way: the whole body as bytes, then the synchronous
    /// <see cref="JsonSerializer.Deserialize{TValue}(ReadOnlySpan{byte}, JsonTypeInfo{TValue})"/> (not resumable, so faster,
    /// at the price of one body-sized array). Shown next to the baseline, not as it.
    /// </summary>
    public async Task<InstanceDetails> GetBufferedAsync(string workflowName, string instanceId, CancellationToken cancellationToken = default)
    {
        var uri = new Uri($"{_accountBase}{Uri.EscapeDataString(workflowName)}/instances/{Uri.EscapeDataString(instanceId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var envelope = await SendBufferedAsync(request, HandWrittenJsonContext.Default.ApiEnvelopeInstanceDetails, cancellationToken).ConfigureAwait(false);
        return envelope.Result ?? throw new HandWrittenApiException("The response has no result.");
    }

    public async Task<(IReadOnlyList<InstanceSummary> Items, ApiResultInfo? Info)> ListAsync(
        string workflowName, long? page = null, long? perPage = null, CancellationToken cancellationToken = default)
    {
        var uri = $"{_accountBase}{Uri.EscapeDataString(workflowName)}/instances";
        if (page is not null || perPage is not null)
        {
            uri += page is null ? $"?per_page={perPage}" : perPage is null ? $"?page={page}" : $"?page={page}&per_page={perPage}";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri));
        var envelope = await SendAsync(request, HandWrittenJsonContext.Default.ApiEnvelopeListInstanceSummary, cancellationToken).ConfigureAwait(false);
        return ((IReadOnlyList<InstanceSummary>?)envelope.Result ?? [], envelope.ResultInfo);
    }

    public async Task<CreatedInstance> CreateAsync(string workflowName, CreateInstanceRequest body, CancellationToken cancellationToken = default)
    {
        var uri = new Uri($"{_accountBase}{Uri.EscapeDataString(workflowName)}/instances");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(body, HandWrittenJsonContext.Default.CreateInstanceRequest),
        };
        var envelope = await SendAsync(request, HandWrittenJsonContext.Default.ApiEnvelopeCreatedInstance, cancellationToken).ConfigureAwait(false);
        return envelope.Result ?? throw new HandWrittenApiException("The response has no result.");
    }

    private async Task<ApiEnvelope<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<ApiEnvelope<T>> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var envelope = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
        return Check(request, response, envelope);
    }

    private async Task<ApiEnvelope<T>> SendBufferedAsync<T>(HttpRequestMessage request, JsonTypeInfo<ApiEnvelope<T>> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Check(request, response, JsonSerializer.Deserialize(bytes, typeInfo));
    }

    private static ApiEnvelope<T> Check<T>(HttpRequestMessage request, HttpResponseMessage response, ApiEnvelope<T>? envelope)
    {
        if (!response.IsSuccessStatusCode || envelope is not { Success: true })
        {
            var errors = envelope?.Errors is { Count: > 0 } list ? string.Join("; ", list.Select(e => $"{e.Code}: {e.Message}")) : "no details";
            throw new HandWrittenApiException($"{request.Method} {request.RequestUri} failed: HTTP {(int)response.StatusCode} ({errors}).");
        }

        return envelope;
    }
}

public sealed class HandWrittenApiException(string message) : Exception(message);
