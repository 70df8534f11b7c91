using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>
/// Structural equality for the members of generated models: lists and maps compare by content and JSON values by
/// their JSON (so a model read back from its own JSON equals the original).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueEquality
{
    /// <summary>Compares two values with the default comparer.</summary>
    public static bool AreEqual<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);

    /// <summary>Compares two lists item by item.</summary>
    public static bool AreEqual<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqualItem(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares two maps by keys and values.</summary>
    public static bool AreEqual<T>(IReadOnlyDictionary<string, T>? a, IReadOnlyDictionary<string, T>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var other) || !AreEqualItem(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares two JSON values by content.</summary>
    public static bool AreEqual(JsonElement? a, JsonElement? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return JsonDeepEquals(a.Value, b.Value);
    }

    /// <summary>A hash code that agrees with <see cref="AreEqual{T}(IReadOnlyList{T}, IReadOnlyList{T})"/>.</summary>
    public static int Hash<T>(IReadOnlyList<T>? list) => list is null ? 0 : list.Count;

    /// <summary>A hash code that agrees with <see cref="AreEqual{T}(IReadOnlyDictionary{string, T}, IReadOnlyDictionary{string, T})"/>.</summary>
    public static int Hash<T>(IReadOnlyDictionary<string, T>? map) => map is null ? 0 : map.Count;

    /// <summary>A hash code that agrees with <see cref="AreEqual(JsonElement?, JsonElement?)"/>.</summary>
    public static int Hash(JsonElement? element) => element is null ? 0 : (int)element.Value.ValueKind;

    /// <summary>A hash code with the default comparer.</summary>
    public static int Hash<T>(T value) => value is null ? 0 : EqualityComparer<T>.Default.GetHashCode(value);

    private static bool AreEqualItem<T>(T a, T b) => (a, b) switch
    {
        (JsonElement x, JsonElement y) => JsonDeepEquals(x, y),
        _ => EqualityComparer<T>.Default.Equals(a, b),
    };

    /// <summary>Deep JSON equality (objects ignore property order; numbers compare by their decimal value).</summary>
    public static bool JsonDeepEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(property.Name, out var other) || !JsonDeepEquals(property.Value, other))
                    {
                        return false;
                    }
                }

                foreach (var unused in b.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (var x = a.EnumerateArray())
                using (var y = b.EnumerateArray())
                {
                    while (x.MoveNext() && y.MoveNext())
                    {
                        if (!JsonDeepEquals(x.Current, y.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Number:
                return a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db)
                    ? da == db
                    : a.GetDouble().Equals(b.GetDouble());
            default:
                return true;
        }
    }
}
