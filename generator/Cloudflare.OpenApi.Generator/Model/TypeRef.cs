namespace Cloudflare.OpenApi.Generator.Model;

/// <summary>What a C# type is made of, as far as emitting declarations and JSON code is concerned.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Integer,
    Number,
    DateTime,
    /// <summary>Any JSON value (a schema with no type): <c>JsonElement</c>.</summary>
    Any,
    /// <summary>A generated record for an object schema.</summary>
    Object,
    /// <summary>A generated open enum (string-valued).</summary>
    Enum,
    /// <summary>A generated open enum of integers, its members named by the spec (Discord's <c>oneOf</c> of titled <c>const</c>s, <c>x-enumNames</c>).</summary>
    IntegerEnum,
    /// <summary>A generated abstract record with one derived record per variant (discriminated union).</summary>
    Union,
    /// <summary>A generated struct holding one of several primitive kinds (<c>string | number</c>).</summary>
    PrimitiveUnion,
    /// <summary>A generated struct holding one of several kinds of JSON value, objects and arrays included (<c>string | string[]</c>).</summary>
    ValueUnion,
    Array,
    Map,
}

/// <summary>The C# width of an <see cref="TypeKind.Integer"/> or <see cref="TypeKind.Number"/>, from the schema's <c>format</c>.</summary>
internal enum NumberFormat
{
    /// <summary><c>long</c> for integers (int64 or no format), <c>double</c> for numbers.</summary>
    Default,
    /// <summary><c>integer</c> with <c>format: int32</c> → <c>int</c>.</summary>
    Int32,
    /// <summary><c>number</c> with <c>format: decimal</c> → <c>decimal</c>.</summary>
    Decimal,
}

/// <summary>A reference to a type from a property, parameter, body or result.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Name">The generated type's simple name (Object, Enum, IntegerEnum, Union, PrimitiveUnion, ValueUnion).</param>
/// <param name="Element">The item type (Array, Map).</param>
/// <param name="Format">The width of an Integer or Number.</param>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null, NumberFormat Format = NumberFormat.Default)
{
    public static readonly TypeRef Int32 = new(TypeKind.Integer, Format: NumberFormat.Int32);
    public static readonly TypeRef Decimal = new(TypeKind.Number, Format: NumberFormat.Decimal);

    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef Integer = new(TypeKind.Integer);
    public static readonly TypeRef Number = new(TypeKind.Number);
    public static readonly TypeRef DateTime = new(TypeKind.DateTime);
    public static readonly TypeRef Any = new(TypeKind.Any);

    /// <summary>Whether the C# type is a value type (so "optional" needs <c>?</c> to become <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Integer or TypeKind.Number or TypeKind.DateTime
        or TypeKind.Any or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.PrimitiveUnion or TypeKind.ValueUnion;
}
