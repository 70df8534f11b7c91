namespace Cloudflare.OpenApi.Generator.Model;

/// <summary>The house rules a spec follows, chosen once per spec (see <c>Conventions/ApiConventions</c>).</summary>
internal enum ApiConvention
{
    /// <summary>Cloudflare's API: the <c>{success, errors, messages, result}</c> envelope is unwrapped, <c>result_info</c> pages, and the options carry Cloudflare's credentials (<c>CLOUDFLARE_*</c>).</summary>
    Cloudflare,

    /// <summary>Any other JSON API: bodies are what the spec says, credentials come from its <c>securitySchemes</c>.</summary>
    Plain,
}

/// <summary>How a credential of a security scheme travels.</summary>
internal enum CredentialKind
{
    /// <summary><c>apiKey</c> <c>in: header</c>.</summary>
    Header,
    /// <summary><c>apiKey</c> <c>in: query</c>.</summary>
    Query,
    /// <summary><c>apiKey</c> <c>in: cookie</c>.</summary>
    Cookie,
    /// <summary><c>http</c> <c>bearer</c>, <c>oauth2</c>, <c>openIdConnect</c>: <c>Authorization: Bearer</c>.</summary>
    Bearer,
    /// <summary><c>http</c> <c>basic</c>: a user name and a password.</summary>
    Basic,
}

/// <summary>One security scheme → option properties of a plain API's client.</summary>
/// <param name="Scheme">The scheme's key in <c>components.securitySchemes</c>.</param>
/// <param name="Name">The header, query parameter or cookie name (Header, Query, Cookie).</param>
/// <param name="Property">The options property holding the credential (the user name for Basic).</param>
/// <param name="PasswordProperty">Basic only: the password's property.</param>
internal sealed record CredentialSpec(CredentialKind Kind, string Scheme, string? Name, string Property, string? PasswordProperty, string? Description);
