namespace Cloudflare.OpenApi;

/// <summary>
/// Whether repeating a request is safe, which decides the retries after the request may have reached the server.
/// A 429 and a failure before the request was sent are retried whatever this says (the server did not act).
/// </summary>
public enum CloudflareIdempotency
{
    /// <summary>The operation's own rule: GET, HEAD, PUT, DELETE and OPTIONS are idempotent; the SDK marks the POST and PATCH operations it makes safe (a create with an instance id).</summary>
    Default,

    /// <summary>Repeating is safe: retried after 408, 5xx, a reset after sending and an attempt timeout.</summary>
    Idempotent,

    /// <summary>Repeating could act twice: never retried once the request may have reached the server.</summary>
    NotIdempotent,
}
