using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Cloudflare.OpenApi.Generator.Tests.Wire;

/// <summary>
/// Generates a feature spec, compiles it to an assembly and loads it, so tests can call the generated client over an
/// in-process handler and check the bytes on the wire (not just that the code compiles).
/// </summary>
internal sealed class GeneratedAssembly
{
    private static readonly Dictionary<string, Assembly> s_cache = new(StringComparer.Ordinal);
    private readonly Assembly _assembly;

    private GeneratedAssembly(Assembly assembly) => _assembly = assembly;

    /// <param name="options">The item's options (default: the feature specs' Cloudflare convention).</param>
    public static GeneratedAssembly Load(string feature, SpecOptions? options = null)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(feature, out var assembly))
            {
                var run = GeneratorHarness.Run(GeneratorHarness.ReadSpec(feature + ".yaml"), options);
                Assert.Empty(run.CompilationProblems);
                using var image = new MemoryStream();
                var emitted = run.Output.WithAssemblyName("Wire_" + feature.Replace('-', '_')).Emit(image);
                Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                assembly = Assembly.Load(image.ToArray());
                s_cache[feature] = assembly;
            }

            return new GeneratedAssembly(assembly);
        }
    }

    public Type Type(string name) => _assembly.GetType("Test.Api." + name, throwOnError: true)!;

    /// <summary>A <c>TestClient</c> that sends through <paramref name="handler"/> without retry delays, and without credentials unless <paramref name="credentials"/> sets options.</summary>
    public dynamic Client(HttpMessageHandler handler, int maxRetries = 0, params (string Property, object? Value)[] credentials)
    {
        var optionsType = Type("TestClientOptions");
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("AllowAnonymous")!.SetValue(options, true);
        optionsType.GetProperty("UseEnvironmentCredentials")?.SetValue(options, false); // Cloudflare's options only
        foreach (var (property, value) in credentials)
        {
            optionsType.GetProperty(property)!.SetValue(options, value);
        }

        optionsType.GetProperty("MaxRetries")!.SetValue(options, maxRetries);
        optionsType.GetProperty("RetryDelay")!.SetValue(options, TimeSpan.FromMilliseconds(1));
        return Activator.CreateInstance(Type("TestClient"), options, new HttpClient(handler))!;
    }

    /// <summary>An instance of a generated record with the given (init-only) properties set.</summary>
    public object Create(string typeName, params (string Property, object? Value)[] values)
    {
        var type = Type(typeName);
        var instance = Activator.CreateInstance(type)!;
        foreach (var (property, value) in values)
        {
            type.GetProperty(property)!.SetValue(instance, value);
        }

        return instance;
    }

    /// <summary>A known value of a generated open enum (its static property).</summary>
    public object Enum(string typeName, string member) => Type(typeName).GetProperty(member, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}

/// <summary>One request as the handler saw it, with its body read.</summary>
internal sealed record SentRequest(HttpMethod Method, Uri Uri, HttpRequestHeaders Headers, MediaTypeHeaderValue? ContentType, byte[] Body, HttpContent? Content)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>Records every request and answers from a queue (the last answer repeats).</summary>
internal sealed class WireHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<SentRequest> Requests { get; } = new();

    public WireHandler Answer(HttpStatusCode status, string mediaType, byte[] body)
    {
        _answers.Enqueue(() =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            return new HttpResponseMessage(status) { Content = content };
        });
        return this;
    }

    public WireHandler Answer(HttpStatusCode status, string mediaType, string body) => Answer(status, mediaType, System.Text.Encoding.UTF8.GetBytes(body));

    public WireHandler NoContent() => Answer(HttpStatusCode.NoContent, "application/json", Array.Empty<byte>());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add(new SentRequest(request.Method, request.RequestUri!, request.Headers, request.Content?.Headers.ContentType, body, request.Content));
        var answer = _answers.Count > 1 ? _answers.Dequeue() : _answers.Peek();
        var response = answer();
        response.RequestMessage = request;
        return response;
    }
}
