using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>
/// The text of a path, query, header or form value, in the invariant culture: the generated code calls
/// <c>Format</c> with the parameter's own type and overload resolution picks the spelling, so every primitive has one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterText
{
    /// <summary>The string itself.</summary>
    public static string Format(string value) => value;

    /// <summary>"true" or "false" (not <c>bool.ToString()</c>'s "True").</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Decimal digits, invariant culture.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Decimal digits, invariant culture.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trippable form, invariant culture (<c>0.1</c>, <c>1E+20</c>).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trippable form, invariant culture.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Invariant culture, all significant digits.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC with milliseconds (<c>2024-05-01T12:00:00.000Z</c>), the form every server parses.</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 full-date (<c>2024-05-01</c>).</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 partial-time (<c>12:00:00</c>).</summary>
    public static string Format(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Hyphenated lower-case hex (<c>d</c> format).</summary>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>The URI as it was given.</summary>
    public static string Format(Uri value) => value.OriginalString;

    /// <summary>Each item's text, for arrays.</summary>
    public static IEnumerable<string>? Each<T>(IEnumerable<T>? values, Func<T, string> format)
    {
        if (values is null)
        {
            return null;
        }

        return EachCore(values, format);
    }

    /// <summary>Each item's text joined by <paramref name="delimiter"/> (<c>explode: false</c>, path and header arrays).</summary>
    public static string? Join<T>(IEnumerable<T>? values, string delimiter, Func<T, string> format)
    {
        if (values is null)
        {
            return null;
        }

        return string.Join(delimiter, EachCore(values, format));
    }

    private static IEnumerable<string> EachCore<T>(IEnumerable<T> values, Func<T, string> format)
    {
        foreach (var value in values)
        {
            yield return format(value);
        }
    }
}
