using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Cloudflare.OpenApi.Extensions.DependencyInjection.Http;

/// <summary>
/// Puts <see cref="NestedRetryDetectionHandler"/> innermost in the handler chain of one client. A builder filter runs
/// after every handler the client's own registration added, whatever order the caller chained them in
/// (<c>ConfigureAdditionalHttpMessageHandlers</c> would run in registration order, before a later
/// <c>AddStandardResilienceHandler</c>, and so sit outside it).
/// </summary>
/// <typeparam name="TClient">The client.</typeparam>
internal sealed class NestedRetryDetectionFilter<TClient> : IHttpMessageHandlerBuilderFilter
{
    private readonly string _name;
    private readonly IServiceProvider _services;

    public NestedRetryDetectionFilter(string name, IServiceProvider services)
    {
        _name = name;
        _services = services;
    }

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name == _name)
        {
            builder.AdditionalHandlers.Add(new NestedRetryDetectionHandler(_services.GetRequiredService<NestedRetryMonitor<TClient>>()));
        }
    };
}
