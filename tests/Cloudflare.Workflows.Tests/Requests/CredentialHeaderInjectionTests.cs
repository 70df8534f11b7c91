namespace Cloudflare.Workflows.Tests.Requests;

public sealed class CredentialHeaderInjectionTests
{
    [Theory]
    [InlineData("token\n")]
    [InlineData("token\r\nX-Injected: yes")]
    [InlineData("tok en")]
    [InlineData("tok\u00e9n")]
    [InlineData("tok\u0000en")]
    public void A_token_with_a_line_break_or_invisible_character_is_rejected_naming_ApiToken(string token)
    {
        var options = TestClient.Options(o => o.ApiToken = token);

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Equal("ApiToken", ex.ParamName);
        Assert.StartsWith("ApiToken has ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok", ex.Message.Replace("ApiToken", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_read_with_its_trailing_newline_is_rejected_naming_ApiKey()
    {
        var options = TestClient.Options(o =>
        {
            o.ApiToken = null;
            o.ApiEmail = "user@example.com";
            o.ApiKey = "144c9defac04969c7bfad8efaa8ea194\r\n";
        });

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Equal("ApiKey", ex.ParamName);
        Assert.Contains("a carriage return (CR) at index 32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_email_with_an_injected_header_is_rejected_naming_ApiEmail()
    {
        var options = TestClient.Options(o =>
        {
            o.ApiToken = null;
            o.ApiEmail = "user@example.com\nX-Injected: yes";
            o.ApiKey = "144c9defac04969c7bfad8efaa8ea194";
        });

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Equal("ApiEmail", ex.ParamName);
    }

    [Fact]
    public void An_application_id_with_a_line_break_is_rejected_naming_ApplicationId()
    {
        var options = TestClient.Options(o => o.ApplicationId = "my-app/1.0\r\nX-Injected: yes");

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Equal("ApplicationId", ex.ParamName);
    }

    [Fact]
    public async Task A_per_call_header_with_a_line_break_is_rejected_before_anything_is_sent()
    {
        var (client, handler) = TestClient.Create();
        var requestOptions = new CloudflareRequestOptions();
        requestOptions.Headers["X-Trace"] = "a\r\nX-Injected: yes";

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Instances.GetAsync("orders", "order-1", requestOptions: requestOptions));

        Assert.Contains("X-Trace", ex.ParamName, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }
}
