using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>The convention a spec follows: detected, or set by the item's <c>Conventions</c> option.</summary>
public sealed class ConventionTests
{
    private const string Envelope = """
        openapi: 3.0.3
        info: { title: T, version: '1' }
        servers: [{ url: 'SERVER' }]
        paths:
          /things:
            get:
              operationId: Things_List
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          success: { type: boolean }
                          errors: { type: array, items: {} }
                          result: { type: array, items: { type: string } }
                          result_info: { type: object, properties: { page: { type: integer } } }
        """;

    private static string OptionsBase(GeneratorRun run) =>
        System.Text.RegularExpressions.Regex.Match(run.Source(".TestClient.g.cs"), @"class TestClientOptions : ([\w.:]+)").Groups[1].Value;

    [Theory]
    [InlineData("https://api.cloudflare.com/client/v4", null, "CloudflareClientOptions", "CloudflarePage<string>")]
    [InlineData("https://api.example.com", null, "ApiClientOptions", "ThingsListResponse")]
    [InlineData("https://api.example.com", "cloudflare", "CloudflareClientOptions", "CloudflarePage<string>")]
    [InlineData("https://api.cloudflare.com/client/v4", "plain", "ApiClientOptions", "ThingsListResponse")]
    [InlineData("https://api.example.com", "AUTO", "ApiClientOptions", "ThingsListResponse")]
    public void Cloudflare_specs_are_detected_by_their_server_and_the_option_overrides(string server, string? option, string optionsBase, string answer)
    {
        var run = GeneratorHarness.Run(Envelope.Replace("SERVER", server), new SpecOptions(Conventions: option));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal("global::Cloudflare.OpenApi." + optionsBase, OptionsBase(run));
        Assert.Contains(answer + "> ListAsync(", run.Source(".ThingsClient.g.cs").Replace("global::Cloudflare.OpenApi.", string.Empty).Replace("global::Test.Api.", string.Empty));
    }

    [Fact]
    public void An_unknown_convention_is_an_option_error()
    {
        var run = GeneratorHarness.Run(Envelope.Replace("SERVER", "https://x.example"), new SpecOptions(Conventions: "stripe"));

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG005", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'stripe' is not a convention", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheme_the_runtime_cannot_send_is_a_warning_at_the_scheme()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ReadSpec("credentials.yaml"), new SpecOptions(Conventions: null));

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.True(warning.Id == "OAG006", warning.ToString());
        Assert.Contains("'mtls'", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(31, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.CompilationProblems);
    }
}
