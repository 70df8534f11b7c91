using System.Net;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests.Wire;

/// <summary>
/// A plain API's error responses (<c>Specs/error-bodies.yaml</c>): the schemas only 4xx, 5xx and <c>default</c> answers use
/// are generated (they were not: petstore's <c>Error</c>, Discord's <c>ErrorResponse</c>, Box's <c>ClientError</c>), and the
/// caller reads the failed call's body as one with <c>Failure.ReadBody&lt;T&gt;()</c>.
/// </summary>
public sealed class ErrorBodyWireTests
{
    private static readonly GeneratedAssembly s_api = GeneratedAssembly.Load("error-bodies", new SpecOptions(Conventions: null));

    private static object? ReadBody(CloudflareApiException exception, string typeName) =>
        typeof(CloudflareApiFailure).GetMethod(nameof(CloudflareApiFailure.ReadBody))!
            .MakeGenericMethod(s_api.Type(typeName))
            .Invoke(exception.Failure, null);

    private static async Task<CloudflareApiException> GetPetFailing(HttpStatusCode status, string mediaType, string body)
    {
        var handler = new WireHandler().Answer(status, mediaType, body);
        dynamic pets = s_api.Client(handler).Pets;
        return await Assert.ThrowsAnyAsync<CloudflareApiException>(async () => await pets.GetAsync("p-1", cancellationToken: CancellationToken.None));
    }

    [Fact]
    public void Schemas_only_error_responses_use_are_generated_and_so_is_what_they_refer_to()
    {
        foreach (var name in new[] { "Error", "ErrorDetail", "Problem", "Pet" })
        {
            Assert.True(s_api.Type(name).IsClass, name);
        }
    }

    [Fact]
    public void The_method_docs_say_which_schema_each_error_status_reads_as()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ReadSpec("error-bodies.yaml"), new SpecOptions(Conventions: null));
        var client = run.Source(".PetsClient.g.cs");

        Assert.Contains("Its body reads with <c>Failure.ReadBody&lt;T&gt;()</c> as <see cref=\"global::Test.Api.Error\"/> (404), <see cref=\"global::Test.Api.Problem\"/> (default).", client);
        // listPets' 500 answers a list, not a schema record: nothing to read it as.
        Assert.Single(client.Split('\n'), l => l.Contains("ReadBody", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_failed_call_s_body_reads_as_the_error_schema()
    {
        var exception = await GetPetFailing(HttpStatusCode.NotFound, "application/json", """{"code":404,"message":"no pet p-1","details":{"field":"id"},"extra":true}""");

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        dynamic error = ReadBody(exception, "Error")!;
        Assert.Equal(404, (int)error.Code);
        Assert.Equal("no pet p-1", (string)error.Message);
        Assert.Equal("id", (string)error.Details.Field);

        // The default response's schema, for any other status.
        var other = await GetPetFailing(HttpStatusCode.Conflict, "application/problem+json", """{"title":"busy","status":409}""");
        dynamic problem = ReadBody(other, "Problem")!;
        Assert.Equal("busy", (string)problem.Title);
        Assert.Equal(409L, (long?)problem.Status);
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_not_an_object_reads_as_null()
    {
        Assert.Null(ReadBody(await GetPetFailing(HttpStatusCode.BadGateway, "text/html", "<html>bad gateway</html>"), "Error"));
        Assert.Null(ReadBody(await GetPetFailing(HttpStatusCode.BadRequest, "application/json", "[1,2]"), "Error"));
        Assert.Null(ReadBody(await GetPetFailing(HttpStatusCode.BadRequest, "application/json", ""), "Error"));
    }
}
