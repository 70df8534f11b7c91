using Cloudflare.Workflows.Tests.Samples;

namespace Cloudflare.Workflows.Tests.Errors;

/// <summary>Failed calls become typed <see cref="CloudflareApiException"/>s carrying everything the response said.</summary>
public sealed class ErrorResponseTests
{
    private const string RayId = "8f0a1b2c3d4e5f60-SJC";

    private static (WorkflowsClient Client, RecordingHandler Handler) NoRetries() => TestClient.Create(o => o.MaxRetries = 0);

    [Fact]
    public async Task Not_found_throws_CloudflareNotFoundException_with_status_every_error_and_the_ray_id()
    {
        var (client, handler) = NoRetries();
        handler.Respond(
            HttpStatusCode.NotFound,
            Envelopes.Failure((10501, "Workflow instance 'order-9' not found."), (10000, "Second problem")),
            configure: r => r.Headers.Add("cf-ray", RayId));

        var ex = await Assert.ThrowsAsync<CloudflareNotFoundException>(() => client.Instances.GetAsync("orders", "order-9"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(new[] { 10501, 10000 }, ex.ErrorCodes);
        Assert.Equal(
            new[] { new CloudflareMessage(10501, "Workflow instance 'order-9' not found."), new CloudflareMessage(10000, "Second problem") },
            ex.Errors);
        Assert.Equal(RayId, ex.RayId);
        Assert.Equal("GET", ex.Failure.Method);
        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/order-9", ex.Failure.RequestUri!.AbsoluteUri);
        Assert.Equal("application/json", ex.Failure.ContentType);
        Assert.Contains("\"code\":10501", ex.Failure.RawBody, StringComparison.Ordinal);
        Assert.Equal(
            $"GET {TestClient.AccountBase}/workflows/orders/instances/order-9 failed: HTTP 404 Not Found. "
            + $"Errors: [10501] Workflow instance 'order-9' not found.; [10000] Second problem (cf-ray: {RayId})",
            ex.Message);
    }

    [Fact]
    public async Task Engine_not_found_body_reads_its_code()
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.NotFound, EngineResponses.NotFound);

        var ex = await Assert.ThrowsAsync<CloudflareNotFoundException>(() => client.Instances.SendEventAsync("demo", "x", "approve"));

        Assert.Equal(10501, Assert.Single(ex.ErrorCodes));
        Assert.Null(ex.RayId);
        Assert.Equal("POST", ex.Failure.Method);
    }

    [Fact]
    public async Task Conflict_throws_CloudflareConflictException()
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.Conflict, Envelopes.Failure((10003, "An instance with the id 'order-1' already exists.")));

        var ex = await Assert.ThrowsAsync<CloudflareConflictException>(
            () => client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1" }));

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal(new CloudflareMessage(10003, "An instance with the id 'order-1' already exists."), Assert.Single(ex.Errors));
    }

    [Theory]
    [InlineData(400, typeof(CloudflareBadRequestException))]
    [InlineData(401, typeof(CloudflareAuthenticationException))]
    [InlineData(403, typeof(CloudflarePermissionDeniedException))]
    [InlineData(404, typeof(CloudflareNotFoundException))]
    [InlineData(409, typeof(CloudflareConflictException))]
    [InlineData(422, typeof(CloudflareBadRequestException))]
    [InlineData(429, typeof(CloudflareRateLimitException))]
    [InlineData(500, typeof(CloudflareServerException))]
    [InlineData(503, typeof(CloudflareServerException))]
    [InlineData(418, typeof(CloudflareApiException))]
    public async Task Each_status_maps_to_its_exception_type(int status, Type expected)
    {
        var (client, handler) = NoRetries();
        handler.Respond((HttpStatusCode)status, Envelopes.Failure((status * 10, "failure " + status)));

        var ex = await Assert.ThrowsAnyAsync<CloudflareApiException>(() => client.Instances.ListAsync("orders"));

        Assert.IsType(expected, ex);
        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Equal(new CloudflareMessage(status * 10, "failure " + status), Assert.Single(ex.Errors));
    }

    [Fact]
    public async Task Authentication_error_carries_cloudflares_code()
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.Forbidden, Envelopes.Failure((10000, "Authentication error")));

        var ex = await Assert.ThrowsAsync<CloudflarePermissionDeniedException>(() => client.Instances.ListAsync("orders"));

        Assert.Equal(10000, Assert.Single(ex.ErrorCodes));
        Assert.Contains("[10000] Authentication error", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_exception_carries_the_retry_after_delay()
    {
        var (client, handler) = NoRetries();
        handler.Respond(
            HttpStatusCode.TooManyRequests,
            Envelopes.Failure((971, "Please wait and consider throttling your request speed")),
            configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        var ex = await Assert.ThrowsAsync<CloudflareRateLimitException>(() => client.Instances.ListAsync("orders"));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.Failure.RetryAfter);
        Assert.Equal(971, Assert.Single(ex.ErrorCodes));
    }

    [Fact]
    public async Task Success_false_on_200_throws_CloudflareApiException_with_the_errors()
    {
        var (client, handler) = NoRetries();
        handler.RespondOk(Envelopes.Failure((10001, "Invalid action 'undefined'.")));

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.ChangeStatusAsync("orders", "order-1", InstanceAction.Pause));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(new CloudflareMessage(10001, "Invalid action 'undefined'."), Assert.Single(ex.Errors));
        Assert.Contains("success: false", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[10001] Invalid action 'undefined'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_false_on_200_fails_an_operation_that_returns_nothing_too()
    {
        var (client, handler) = NoRetries();
        handler.RespondOk(Envelopes.Failure((10001, "bad event")));

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.SendEventAsync("orders", "order-1", "approve"));

        Assert.Equal(10001, Assert.Single(ex.ErrorCodes));
    }

    [Fact]
    public async Task A_200_envelope_without_a_success_flag_is_an_error()
    {
        var (client, handler) = NoRetries();
        handler.RespondOk("""{"result":{"status":"running"}}""");

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Contains("no 'success' flag", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_502_throws_a_server_exception_saying_the_body_is_not_json_with_a_preview()
    {
        const string Html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body>\r\n</html>";
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.BadGateway, Html, "text/html", r => r.Headers.Add("cf-ray", RayId));

        var ex = await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Contains("The response is not JSON (text/html): <html>  <head><title>502 Bad Gateway</title></head>", ex.Message, StringComparison.Ordinal);
        Assert.Contains(RayId, ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
        Assert.Empty(ex.Errors);
        Assert.Equal(Html, ex.Failure.RawBody);
        Assert.Equal("text/html", ex.Failure.ContentType);
    }

    [Fact]
    public async Task Html_page_on_a_200_says_it_is_not_json_with_its_content_type_and_a_preview()
    {
        const string Html = "<html>\r\n<body>Sign in to the Wi-Fi</body>\r\n</html>";
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.OK, Html, "text/html", r => r.Headers.Add("cf-ray", RayId));

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains("HTTP 200 OK. The response is not JSON (text/html): <html>  <body>Sign in to the Wi-Fi</body>  </html>", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid start of a value", ex.Message, StringComparison.Ordinal);
        Assert.Contains(RayId, ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal("text/html", ex.Failure.ContentType);
        Assert.Equal(Html, ex.Failure.RawBody);
    }

    [Fact]
    public async Task Html_labelled_as_json_on_a_200_also_says_it_is_not_json()
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.OK, "<!DOCTYPE html><title>Moved</title>", "application/json");

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Contains("The response is not JSON (application/json): <!DOCTYPE html><title>Moved</title>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_json_on_a_200_keeps_the_parsers_reason()
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.OK, """{"success":tru""", "application/json");

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Contains("The response body is not a valid Cloudflare envelope: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_non_json_bodies_are_cut_in_the_message_but_kept_in_the_failure()
    {
        var body = "<html>" + new string('x', 500) + "</html>";
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.BadGateway, body, "text/html");

        var ex = await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.EndsWith("<html>" + new string('x', 194) + "…", ex.Message, StringComparison.Ordinal);
        Assert.Equal(body, ex.Failure.RawBody);
    }

    [Fact]
    public async Task Plain_text_404_from_an_unknown_route_says_it_is_not_json()
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.NotFound, "404 Not Found", "text/plain");

        var ex = await Assert.ThrowsAsync<CloudflareNotFoundException>(() => client.Instances.CreateBatchAsync("demo", new[] { new InstanceCreateRequest() }));

        Assert.EndsWith("The response is not JSON (text/plain): 404 Not Found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_error_body_says_so()
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.InternalServerError, null, null);

        var ex = await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.EndsWith("failed: HTTP 500 Internal Server Error. The response body is empty.", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Failure.RawBody);
        Assert.Empty(ex.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    public async Task An_empty_200_body_throws_CloudflareApiException_saying_the_body_is_empty(string body)
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.OK, body);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.EndsWith("The response body is not a valid Cloudflare envelope: The response body is empty.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"success":true,"errors":[],"messages":[],"result":{"status":"runn""")]
    [InlineData("""{"success":true,"errors":[],"messages":[],"result":{"status":"running","steps":[{"type":"step","name":"a"}""")]
    [InlineData("""{"success":true,"errors":[],"messages":[],"result":""")]
    [InlineData("""{"success":tr""")]
    public async Task Truncated_json_on_200_throws_CloudflareApiException_with_an_inner_JsonException(string body)
    {
        var (client, handler) = NoRetries();
        handler.RespondOk(body);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(body, ex.Failure.RawBody);
    }

    [Fact]
    public async Task In_strict_mode_a_result_of_the_wrong_shape_throws_CloudflareApiException_with_an_inner_JsonException()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 0;
            o.StrictReading = true;
        });
        handler.RespondOk(Envelopes.Success("""{"status":42}"""));

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task In_strict_mode_a_details_result_without_the_required_status_is_an_error_naming_it()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 0;
            o.StrictReading = true;
        });
        handler.RespondOk(Envelopes.Success("""{"output":"x"}"""));

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Contains("'status'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_result_where_one_is_needed_is_an_error()
    {
        var (client, handler) = NoRetries();
        handler.RespondOk("""{"success":true,"errors":[],"messages":[],"result":null}""");

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.CreateAsync("orders"));

        Assert.Contains("no 'result'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_instance_id_from_the_engine_is_a_server_exception_with_its_message()
    {
        var (client, handler) = NoRetries();
        handler.Respond(HttpStatusCode.InternalServerError, EngineResponses.InvalidId);

        var ex = await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.CreateAsync("demo", new InstanceCreateRequest { InstanceId = "ok" }));

        Assert.Equal(new CloudflareMessage(10001, "WorkflowError: Workflow instance has invalid id"), Assert.Single(ex.Errors));
    }
}
