using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using Cloudflare.OpenApi.Serialization;

namespace Cloudflare.OpenApi;

/// <summary>An error or informational message from Cloudflare's response envelope.</summary>
/// <param name="Code">The Cloudflare error or message code.</param>
/// <param name="Message">A human-readable description.</param>
public sealed record CloudflareMessage(int Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"[{Code}] {Message}";
}

/// <summary>
/// A Cloudflare API call failed: a non-success HTTP status, an envelope with <c>success: false</c>, or a body that
/// could not be read. Carries the status, every error of the envelope, the <c>cf-ray</c> id and the raw body.
/// </summary>
public class CloudflareApiException : CloudflareException
{
    /// <summary>Creates the exception.</summary>
    public CloudflareApiException(string message, CloudflareApiFailure failure, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure ?? throw new ArgumentNullException(nameof(failure));
    }

    /// <summary>Everything known about the failed call.</summary>
    public CloudflareApiFailure Failure { get; }

    /// <summary>The HTTP status code (200 when the envelope said <c>success: false</c> on a 2xx).</summary>
    public HttpStatusCode StatusCode => Failure.StatusCode;

    /// <summary>The envelope's <c>errors</c> (empty when the body had none or was not JSON).</summary>
    public IReadOnlyList<CloudflareMessage> Errors => Failure.Errors;

    /// <summary>The Cloudflare error codes, in order.</summary>
    public IEnumerable<int> ErrorCodes => Failure.Errors.Select(e => e.Code);

    /// <summary>The <c>cf-ray</c> header: quote it to Cloudflare support.</summary>
    public string? RayId => Failure.RayId;

    /// <summary>Creates the exception type that fits the status code.</summary>
    public static CloudflareApiException Create(string message, CloudflareApiFailure failure, Exception? innerException = null) =>
        (int)failure.StatusCode switch
        {
            400 or 422 => new CloudflareBadRequestException(message, failure, innerException),
            401 => new CloudflareAuthenticationException(message, failure, innerException),
            403 => new CloudflarePermissionDeniedException(message, failure, innerException),
            404 => new CloudflareNotFoundException(message, failure, innerException),
            409 => new CloudflareConflictException(message, failure, innerException),
            429 => new CloudflareRateLimitException(message, failure, innerException),
            >= 500 => new CloudflareServerException(message, failure, innerException),
            _ => new CloudflareApiException(message, failure, innerException),
        };
}

/// <summary>What the SDK knows about a failed call.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="RequestUri">The request URI.</param>
/// <param name="Errors">The envelope's errors.</param>
/// <param name="Messages">The envelope's messages.</param>
/// <param name="RayId">The <c>cf-ray</c> response header.</param>
/// <param name="ContentType">The response content type.</param>
/// <param name="RawBody">The response body as text (cut to 64 KiB).</param>
/// <param name="RetryAfter">The <c>Retry-After</c> delay, when the server sent one.</param>
public sealed record CloudflareApiFailure(
    HttpStatusCode StatusCode,
    string Method,
    Uri? RequestUri,
    IReadOnlyList<CloudflareMessage> Errors,
    IReadOnlyList<CloudflareMessage> Messages,
    string? RayId,
    string? ContentType,
    string? RawBody,
    TimeSpan? RetryAfter)
{
    /// <summary>
    /// Reads <see cref="RawBody"/> as a generated type: the error schema the API describes for the status (a plain API's
    /// <c>Error</c>, Discord's <c>ErrorResponse</c>), read leniently like any answer.
    /// </summary>
    /// <typeparam name="T">A generated record or union.</typeparam>
    /// <returns>The body, or null when there is none, it is not JSON of an object of that kind, or it was cut at 64 KiB.</returns>
    public T? ReadBody<T>() where T : class, IJsonSerializable<T>
    {
        if (string.IsNullOrWhiteSpace(RawBody))
        {
            return null;
        }

        try
        {
            return JsonWrite.FromUtf8Bytes(Encoding.UTF8.GetBytes(RawBody), static (ref Utf8JsonReader reader) => T.ReadJson(ref reader));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>400/422: the request was invalid.</summary>
public class CloudflareBadRequestException(string message, CloudflareApiFailure failure, Exception? innerException = null)
    : CloudflareApiException(message, failure, innerException);

/// <summary>401: the credentials are missing or wrong.</summary>
public class CloudflareAuthenticationException(string message, CloudflareApiFailure failure, Exception? innerException = null)
    : CloudflareApiException(message, failure, innerException);

/// <summary>403: the credentials lack a permission.</summary>
public class CloudflarePermissionDeniedException(string message, CloudflareApiFailure failure, Exception? innerException = null)
    : CloudflareApiException(message, failure, innerException);

/// <summary>404: the resource does not exist.</summary>
public class CloudflareNotFoundException(string message, CloudflareApiFailure failure, Exception? innerException = null)
    : CloudflareApiException(message, failure, innerException);

/// <summary>409: the resource already exists or is in a conflicting state.</summary>
public class CloudflareConflictException(string message, CloudflareApiFailure failure, Exception? innerException = null)
    : CloudflareApiException(message, failure, innerException);

/// <summary>429: too many requests; see <see cref="CloudflareApiFailure.RetryAfter"/>.</summary>
public class CloudflareRateLimitException(string message, CloudflareApiFailure failure, Exception? innerException = null)
    : CloudflareApiException(message, failure, innerException);

/// <summary>5xx: the server failed.</summary>
public class CloudflareServerException(string message, CloudflareApiFailure failure, Exception? innerException = null)
    : CloudflareApiException(message, failure, innerException);
