using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace Cloudflare.OpenApi;

/// <summary>
/// Sends the credentials of a spec's security schemes on every attempt: API keys in a header, the query or a cookie,
/// bearer tokens (also for OAuth 2 and OpenID Connect access tokens) and HTTP basic. Generated options of plain APIs
/// build one from their credential properties (<see cref="ApiClientOptions.CreateCredentialPolicy"/>); every value is
/// checked when it is added, so a bad one fails when the client is created, naming its option.
/// </summary>
public sealed class ApiCredentialPolicy : CloudflareSynchronousPolicy
{
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private readonly StringBuilder _query = new();
    private readonly List<string> _cookies = new();

    /// <summary>Whether nothing was added (then the client sends no credentials).</summary>
    public bool IsEmpty => _headers.Count == 0 && _query.Length == 0 && _cookies.Count == 0;

    /// <summary>Sends <paramref name="value"/> in the header <paramref name="name"/> (an <c>apiKey</c> scheme <c>in: header</c>).</summary>
    /// <param name="name">The header.</param>
    /// <param name="value">The credential.</param>
    /// <param name="optionName">The option that holds the value (named in the exception).</param>
    /// <exception cref="ArgumentException">The value is empty or cannot be sent in a header.</exception>
    public ApiCredentialPolicy AddHeader(string name, string value, string optionName)
    {
        HeaderValues.EnsureCredential(value, optionName);
        _headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Sends <c>Authorization: Bearer <paramref name="token"/></c> (<c>http</c> <c>bearer</c>, <c>oauth2</c>, <c>openIdConnect</c>).</summary>
    /// <exception cref="ArgumentException">The token is empty or cannot be sent in a header.</exception>
    public ApiCredentialPolicy AddBearer(string token, string optionName)
    {
        HeaderValues.EnsureCredential(token, optionName);
        _headers.Add(new KeyValuePair<string, string>("Authorization", "Bearer " + token));
        return this;
    }

    /// <summary>Sends <c>Authorization: Basic …</c> of <paramref name="userName"/> and <paramref name="password"/> (<c>http</c> <c>basic</c>).</summary>
    /// <exception cref="ArgumentException">The user name has a ':' or either value has a line break.</exception>
    public ApiCredentialPolicy AddBasic(string userName, string password, string userNameOption, string passwordOption)
    {
        if (userName is null || userName.IndexOf(':') >= 0)
        {
            throw new ArgumentException($"{userNameOption} must be set and must not contain ':' (HTTP basic authentication).", userNameOption);
        }

        if (password is null || password.IndexOf('\r') >= 0 || password.IndexOf('\n') >= 0)
        {
            throw new ArgumentException($"{passwordOption} must be set and must not contain a line break.", passwordOption);
        }

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
        _headers.Add(new KeyValuePair<string, string>("Authorization", "Basic " + encoded));
        return this;
    }

    /// <summary>Adds <c><paramref name="name"/>=<paramref name="value"/></c> to every request's query (an <c>apiKey</c> scheme <c>in: query</c>).</summary>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public ApiCredentialPolicy AddQuery(string name, string value, string optionName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{optionName} must not be empty.", optionName);
        }

        _query.Append(_query.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Sends <c><paramref name="name"/>=<paramref name="value"/></c> as a cookie (an <c>apiKey</c> scheme <c>in: cookie</c>).</summary>
    /// <exception cref="ArgumentException">The value is empty or cannot be sent in a header (or has a ';').</exception>
    public ApiCredentialPolicy AddCookie(string name, string value, string optionName)
    {
        HeaderValues.EnsureCredential(value, optionName);
        if (value.IndexOf(';') >= 0)
        {
            throw new ArgumentException($"{optionName} must not contain ';' (it is sent as a cookie).", optionName);
        }

        _cookies.Add(name + "=" + value);
        return this;
    }

    /// <inheritdoc/>
    public override void OnSendingRequest(HttpRequestMessage request)
    {
        foreach (var header in _headers)
        {
            request.Headers.Remove(header.Key);
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (_cookies.Count > 0)
        {
            // One Cookie header: after the operation's cookie parameters, if it has any.
            var cookie = string.Join("; ", _cookies);
            if (request.Headers.TryGetValues("Cookie", out var parameters))
            {
                cookie = string.Join("; ", parameters) + "; " + cookie;
                request.Headers.Remove("Cookie");
            }

            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        if (_query.Length > 0 && request.RequestUri is { } uri)
        {
            var text = uri.OriginalString;
            var fragment = text.IndexOf('#');
            var head = fragment < 0 ? text : text.Substring(0, fragment);
            var separator = head.IndexOf('?') < 0 ? "?" : head.EndsWith("?", StringComparison.Ordinal) || head.EndsWith("&", StringComparison.Ordinal) ? string.Empty : "&";
            request.RequestUri = new Uri(head + separator + _query + (fragment < 0 ? string.Empty : text.Substring(fragment)), uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
        }
    }
}
