using System;
using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NSwag;

namespace Cloudflare.OpenApi.Generator.Conventions;

/// <summary>
/// Every decision that depends on whose API a spec describes, in one place. Cloudflare's API wraps each answer in
/// <c>{success, errors, messages, result}</c>, pages with <c>result_info</c> and authenticates with its own token or
/// key pair (<c>CLOUDFLARE_*</c>); any other API is read as its spec says and authenticates with its
/// <c>securitySchemes</c>. The convention is chosen per spec: the item's <c>Conventions</c> option
/// (<c>cloudflare</c>, <c>plain</c>, <c>auto</c>), or detected (<c>auto</c>, the default).
/// </summary>
internal static class ApiConventions
{
    /// <summary>The runtime base class of a generated options type.</summary>
    public static string OptionsBaseType(ApiConvention convention) => convention switch
    {
        ApiConvention.Cloudflare => "global::Cloudflare.OpenApi.CloudflareClientOptions",
        ApiConvention.Plain => "global::Cloudflare.OpenApi.ApiClientOptions",
    };

    /// <summary>Members of <c>ApiClientOptions</c>, which credential properties must not reuse.</summary>
    public static readonly string[] ReservedOptionNames =
    {
        "BaseUri", "AuthenticationPolicy", "Timeout", "TotalTimeout", "MaxRetries", "RetryDelay",
        "MaxRetryDelay", "RetryPolicy", "MaxResponseSize", "MaxPages", "StrictReading", "ReadIssueHandler", "ApplicationId", "Policies",
        "CallPolicies", "LoggerFactory", "MeterFactory", "AllowAnonymous", "DefaultMaxResponseSize",
        "CreateCredentialPolicy", "CreateBuiltInCallPolicies", "Equals", "GetHashCode", "ToString", "GetType",
    };

    /// <summary>
    /// The convention of a spec: the option when it names one; otherwise Cloudflare's when the spec is Cloudflare's (a
    /// server on <c>cloudflare.com</c>, or an API key scheme in the <c>X-Auth-Key</c> header), else plain.
    /// </summary>
    /// <param name="problem">Set when the option is not a convention's name.</param>
    public static ApiConvention Choose(OpenApiDocument document, string? option, out string? problem)
    {
        problem = null;
        switch (option?.Trim().ToLowerInvariant())
        {
            case "cloudflare":
                return ApiConvention.Cloudflare;
            case "plain":
                return ApiConvention.Plain;
            case null or "" or "auto":
                return IsCloudflare(document) ? ApiConvention.Cloudflare : ApiConvention.Plain;
            default:
                problem = $"'{option}' is not a convention (cloudflare, plain or auto)";
                return IsCloudflare(document) ? ApiConvention.Cloudflare : ApiConvention.Plain;
        }
    }

    /// <summary>Whether a JSON answer with these top-level properties is the envelope, whose <c>result</c> the method returns.</summary>
    public static bool IsEnvelope(ApiConvention convention, ICollection<string> properties) => convention switch
    {
        ApiConvention.Cloudflare => properties.Contains("success") && (properties.Contains("result") || properties.Contains("errors")),
        ApiConvention.Plain => false,
    };

    /// <summary>
    /// Whether the schemas of error responses (4xx, 5xx, <c>default</c>) are generated, for the caller to read the failed
    /// call's body with <c>Failure.ReadBody&lt;T&gt;()</c>. Cloudflare's errors are the envelope's <c>errors</c>, which
    /// every exception carries already (<c>Errors</c>), so its failure envelopes are not generated.
    /// </summary>
    public static bool GeneratesErrorBodies(ApiConvention convention) => convention switch
    {
        ApiConvention.Cloudflare => false,
        ApiConvention.Plain => true,
    };

    /// <summary>Whether an envelope with a list result is a page (its <c>result_info</c> says where the next one is).</summary>
    public static bool IsPage(ApiConvention convention, ICollection<string> properties) => convention switch
    {
        ApiConvention.Cloudflare => properties.Contains("result_info"),
        ApiConvention.Plain => false,
    };

    /// <summary>
    /// The credential properties of a plain API's options, one per security scheme (Cloudflare's options have their
    /// own). A scheme the runtime cannot send (mutual TLS, an unknown type) is reported and left out.
    /// </summary>
    /// <param name="reserved">Names the properties must not take (the base options' and the client parameters').</param>
    /// <param name="unsupported">Reports a scheme left out: its pointer, what it is, and why.</param>
    /// <param name="unreadable">Schemes the reader left out because NSwag cannot read their type (<c>mutualTLS</c>): pointer, name, type.</param>
    public static List<CredentialSpec> Credentials(
        OpenApiDocument document,
        ApiConvention convention,
        IEnumerable<string> reserved,
        IReadOnlyList<(string Pointer, string Name, string Type)> unreadable,
        Action<string, string, string> unsupported)
    {
        var credentials = new List<CredentialSpec>();
        if (convention != ApiConvention.Plain)
        {
            return credentials;
        }

        foreach (var (pointer, name, type) in unreadable)
        {
            unsupported(pointer, $"The security scheme '{name}' ({type})", "no option; send it with a pipeline policy (options.Policies), or configure the HttpClient's handler for client certificates");
        }

        var schemes = document.Components?.SecuritySchemes;
        if (schemes is null || schemes.Count == 0)
        {
            return credentials;
        }

        var scope = new Naming.Scope(ReservedOptionNames.Concat(reserved).ToArray());
        var kinds = schemes.Select(s => KindOf(s.Value)).Where(k => k is not null).ToList();
        foreach (var pair in schemes)
        {
            var scheme = pair.Value;
            var pointer = "/components/securitySchemes/" + Parsing.YamlSpecReader.Escape(pair.Key);
            var kind = KindOf(scheme);
            if (kind is null)
            {
                unsupported(pointer, $"The security scheme '{pair.Key}' ({Describe(scheme)})", "no option; send it with a pipeline policy (options.Policies) or AuthenticationPolicy");
                continue;
            }

            // One scheme of a kind gets the usual name (ApiKey, BearerToken, Username/Password); several are told apart by their keys.
            var single = kinds.Count(k => Family(k!.Value) == Family(kind.Value)) == 1;
            var stem = Naming.Pascal(pair.Key);
            var description = string.IsNullOrWhiteSpace(scheme.Description) ? null : scheme.Description!.Trim();
            var credential = kind.Value switch
            {
                CredentialKind.Header or CredentialKind.Query or CredentialKind.Cookie =>
                    new CredentialSpec(kind.Value, pair.Key, scheme.Name, scope.Claim(single ? "ApiKey" : stem, pair.Key, out _), null, description),
                CredentialKind.Bearer => new CredentialSpec(
                    kind.Value,
                    pair.Key,
                    null,
                    scope.Claim(single ? (scheme.Type == OpenApiSecuritySchemeType.Http ? "BearerToken" : "AccessToken") : stem.EndsWith("Token", StringComparison.Ordinal) ? stem : stem + "Token", pair.Key, out _),
                    null,
                    description),
                CredentialKind.Basic => new CredentialSpec(
                    kind.Value,
                    pair.Key,
                    null,
                    scope.Claim(single ? "Username" : stem + "Username", pair.Key, out _),
                    scope.Claim(single ? "Password" : stem + "Password", pair.Key, out _),
                    description),
            };
            credentials.Add(credential);
        }

        return credentials;
    }

    /// <summary>API keys wherever they travel are one family (named <c>ApiKey</c> when there is one), tokens another.</summary>
    private static int Family(CredentialKind kind) => kind switch
    {
        CredentialKind.Header or CredentialKind.Query or CredentialKind.Cookie => 0,
        CredentialKind.Bearer => 1,
        CredentialKind.Basic => 2,
    };

    private static bool IsCloudflare(OpenApiDocument document)
    {
        foreach (var server in document.Servers ?? Enumerable.Empty<OpenApiServer>())
        {
            if (Uri.TryCreate(server.Url, UriKind.Absolute, out var uri)
                && (uri.Host.Equals("cloudflare.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".cloudflare.com", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return document.Components?.SecuritySchemes?.Values.Any(s =>
            s.Type == OpenApiSecuritySchemeType.ApiKey && string.Equals(s.Name, "X-Auth-Key", StringComparison.OrdinalIgnoreCase)) == true;
    }

    private static CredentialKind? KindOf(OpenApiSecurityScheme scheme) => scheme.Type switch
    {
        OpenApiSecuritySchemeType.ApiKey when string.IsNullOrWhiteSpace(scheme.Name) => null,
        OpenApiSecuritySchemeType.ApiKey => scheme.In switch
        {
            OpenApiSecurityApiKeyLocation.Header => CredentialKind.Header,
            OpenApiSecurityApiKeyLocation.Query => CredentialKind.Query,
            OpenApiSecurityApiKeyLocation.Cookie => CredentialKind.Cookie,
            OpenApiSecurityApiKeyLocation.Undefined => null,
            _ => null,
        },
        OpenApiSecuritySchemeType.Basic => CredentialKind.Basic,
        OpenApiSecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => CredentialKind.Basic,
        OpenApiSecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => CredentialKind.Bearer,
        OpenApiSecuritySchemeType.Http => null,
        OpenApiSecuritySchemeType.OAuth2 or OpenApiSecuritySchemeType.OpenIdConnect => CredentialKind.Bearer,
        OpenApiSecuritySchemeType.Undefined => null,
        _ => null,
    };

    private static string Describe(OpenApiSecurityScheme scheme) => scheme.Type switch
    {
        OpenApiSecuritySchemeType.Http => "http " + (scheme.Scheme ?? "without a scheme"),
        OpenApiSecuritySchemeType.ApiKey => "apiKey " + (string.IsNullOrWhiteSpace(scheme.Name) ? "without a name" : "in " + scheme.In.ToString().ToLowerInvariant()),
        _ => scheme.Type.ToString(),
    };
}
