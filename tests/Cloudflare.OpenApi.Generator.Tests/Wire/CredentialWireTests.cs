using System.Net;
using System.Reflection;
using System.Text;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests.Wire;

/// <summary>
/// A plain API (<c>Specs/credentials.yaml</c>, no Cloudflare server or key header, so the detected convention is plain):
/// its options have one property per security scheme, and each credential goes where its scheme says.
/// </summary>
public sealed class CredentialWireTests
{
    private static readonly GeneratedAssembly s_api = GeneratedAssembly.Load("credentials", new SpecOptions(Conventions: null));

    private static async Task<SentRequest> ListOrders(params (string Property, object? Value)[] credentials)
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", """{"success":true,"result":["a"],"errors":[]}""");
        dynamic orders = s_api.Client(handler, 0, credentials).Orders;
        var page = await orders.ListAsync("open", cancellationToken: CancellationToken.None);

        // Plain: the answer is the body as the spec declares it (Cloudflare's envelope is not unwrapped).
        Assert.True((bool?)page.Success);
        Assert.Equal("a", Assert.Single((IEnumerable<string>)page.Result));
        return Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Api_keys_go_in_their_header_query_parameter_and_cookie()
    {
        var sent = await ListOrders(("Key", "k-1"), ("Signature", "s 1&2"), ("Session", "abc"));

        Assert.Equal("k-1", Assert.Single(sent.Headers.GetValues("X-Api-Key")));
        Assert.Equal("https://api.example.com/v2/orders?status=open&sig=s%201%262", sent.Uri.AbsoluteUri);
        Assert.Equal("sid=abc", Assert.Single(sent.Headers.GetValues("Cookie")));
        Assert.Null(sent.Headers.Authorization);
    }

    [Fact]
    public async Task A_cookie_parameter_and_a_cookie_credential_share_one_cookie_header()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", """{"success":true,"result":[],"errors":[]}""");
        dynamic orders = s_api.Client(handler, 0, ("Session", "abc")).Orders;

        await orders.ListAsync("open", locale: "de DE; x=1", cancellationToken: CancellationToken.None);
        await orders.ListAsync("open", cancellationToken: CancellationToken.None);

        // The parameter first, percent-encoded: its ';' and space cannot start another cookie.
        Assert.Equal("locale=de%20DE%3B%20x%3D1; sid=abc", Assert.Single(handler.Requests[0].Headers.GetValues("Cookie")));
        Assert.Equal("sid=abc", Assert.Single(handler.Requests[1].Headers.GetValues("Cookie")));
    }

    [Fact]
    public async Task Basic_and_bearer_schemes_set_authorization()
    {
        var basic = await ListOrders(("Username", "ann"), ("Password", "p:w"));
        Assert.Equal("Basic", basic.Headers.Authorization?.Scheme);
        Assert.Equal("ann:p:w", Encoding.UTF8.GetString(Convert.FromBase64String(basic.Headers.Authorization!.Parameter!)));

        var bearer = await ListOrders(("OauthToken", "tok"));
        Assert.Equal("Bearer tok", bearer.Headers.Authorization?.ToString());
    }

    [Fact]
    public async Task Without_credentials_nothing_is_sent_and_no_Cloudflare_variable_is_read()
    {
        Environment.SetEnvironmentVariable("CLOUDFLARE_API_TOKEN", "must-not-be-sent");
        try
        {
            var sent = await ListOrders();
            Assert.Null(sent.Headers.Authorization);
            Assert.False(sent.Headers.Contains("X-Api-Key"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLOUDFLARE_API_TOKEN", null);
        }
    }

    [Fact]
    public void A_credential_that_cannot_be_sent_fails_when_the_client_is_created_naming_its_option()
    {
        var error = Assert.Throws<TargetInvocationException>(() => s_api.Client(new WireHandler(), 0, ("Key", "k\n")));
        var argument = Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Contains("Key", argument.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k\n", argument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_derive_from_the_plain_base_and_have_one_property_per_scheme()
    {
        var options = s_api.Type("TestClientOptions");
        Assert.Equal(typeof(ApiClientOptions), options.BaseType);
        var declared = options.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.Name).Order().ToList();
        Assert.Equal(new[] { "BearerToken", "Key", "OauthToken", "Password", "Session", "Signature", "Username" }, declared);
    }
}
