using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cloudflare.OpenApi.Extensions.DependencyInjection.Http;

/// <summary>
/// The innermost handler of a client's <see cref="HttpClient"/>: it sees every request that reaches the network.
/// The SDK sends a new <see cref="HttpRequestMessage"/> per attempt, so a message that comes through twice was re-sent
/// by a handler between the SDK and the network (a resilience handler's retry or hedging). Each such SDK attempt then
/// multiplies into several requests (with <c>MaxRetries = 2</c> and a handler that tries 4 times, up to 12 requests
/// per call, and retried POSTs the SDK would never repeat), so the first time it happens the handler logs a warning
/// saying so. It changes nothing about the request.
/// </summary>
internal sealed class NestedRetryDetectionHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> s_seen = new("Cloudflare.OpenApi.SentOnce");

    private readonly NestedRetryMonitor _monitor;

    public NestedRetryDetectionHandler(NestedRetryMonitor monitor)
    {
        _monitor = monitor;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(s_seen, out _))
        {
            _monitor.Detected(request.Method);
        }
        else
        {
            request.Options.Set(s_seen, true);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>One per registered client and service provider: reports nested retries once, through the host's logger.</summary>
internal class NestedRetryMonitor
{
    private readonly string _clientName;
    private readonly Func<int> _sdkMaxRetries;
    private readonly ILogger _logger;
    private int _reported;
    private int _count;

    public NestedRetryMonitor(string clientName, Func<int> sdkMaxRetries, ILogger logger)
    {
        _clientName = clientName;
        _sdkMaxRetries = sdkMaxRetries;
        _logger = logger;
    }

    /// <summary>How many re-sends were seen (also after the one warning).</summary>
    public int Count => Volatile.Read(ref _count);

    public void Detected(HttpMethod method)
    {
        Interlocked.Increment(ref _count);
        var maxRetries = _sdkMaxRetries();
        if (maxRetries > 0 && Interlocked.Exchange(ref _reported, 1) == 0)
        {
            HostingLog.NestedRetries(_logger, _clientName, method.Method, maxRetries);
        }
    }
}

/// <summary>The monitor of <typeparamref name="TClient"/>: a singleton service of its own type per client.</summary>
/// <typeparam name="TClient">The client.</typeparam>
internal sealed class NestedRetryMonitor<TClient> : NestedRetryMonitor
{
    public NestedRetryMonitor(Func<int> sdkMaxRetries, ILogger logger)
        : base(typeof(TClient).Name, sdkMaxRetries, logger)
    {
    }
}
