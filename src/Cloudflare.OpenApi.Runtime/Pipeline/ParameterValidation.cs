using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>Client-side checks of the constraints the spec declares, run before anything is sent.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterValidation
{
    /// <summary>Throws <see cref="ArgumentNullException"/> or <see cref="ArgumentException"/> when a required string is null or empty.</summary>
    public static string NotNullOrEmpty(string? value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Length == 0)
        {
            throw new ArgumentException($"'{parameterName}' must not be empty.", parameterName);
        }

        return value;
    }

    /// <summary>Checks a string's length and pattern.</summary>
    public static void String(string? value, string parameterName, int? minLength, int? maxLength, Regex? pattern, string? patternText)
    {
        if (value is null)
        {
            return;
        }

        if (minLength is { } min && value.Length < min)
        {
            throw new ArgumentException(
                min == 1 ? $"'{parameterName}' must not be empty." : $"'{parameterName}' must be at least {min} characters long; '{value}' has {value.Length}.",
                parameterName);
        }

        if (maxLength is { } max && value.Length > max)
        {
            throw new ArgumentException($"'{parameterName}' must be at most {max} characters long; the value has {value.Length}.", parameterName);
        }

        if (pattern is not null && !pattern.IsMatch(value))
        {
            throw new ArgumentException($"'{parameterName}' must match the pattern {patternText}; '{value}' does not.", parameterName);
        }
    }

    /// <summary>Checks a number's bounds.</summary>
    public static void Number(double? value, string parameterName, double? minimum, bool exclusiveMinimum, double? maximum, bool exclusiveMaximum)
    {
        if (value is not { } v)
        {
            return;
        }

        if (minimum is { } min && (exclusiveMinimum ? v <= min : v < min))
        {
            throw new ArgumentOutOfRangeException(parameterName, v, $"'{parameterName}' must be {(exclusiveMinimum ? "greater than" : "at least")} {min.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (maximum is { } max && (exclusiveMaximum ? v >= max : v > max))
        {
            throw new ArgumentOutOfRangeException(parameterName, v, $"'{parameterName}' must be {(exclusiveMaximum ? "less than" : "at most")} {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
