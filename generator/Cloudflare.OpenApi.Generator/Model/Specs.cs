using Cloudflare.OpenApi.Generator.Helpers;

namespace Cloudflare.OpenApi.Generator.Model;

/// <summary>Settings of one spec file, from its MSBuild item metadata.</summary>
/// <param name="Namespace">The namespace of every generated type.</param>
/// <param name="ClientName">The root client's name (e.g. <c>WorkflowsClient</c>).</param>
/// <param name="GeneratorVersion">Written into <c>[GeneratedCode]</c> and the User-Agent.</param>
/// <param name="HintPrefix">Prefix of generated file names (keeps two specs in one project apart).</param>
internal sealed record GenerationContext(string Namespace, string ClientName, string GeneratorVersion, string HintPrefix);

/// <summary>Length, pattern and range constraints on a string or number.</summary>
internal sealed record ConstraintSpec(
    int? MinLength, int? MaxLength, string? Pattern, double? Minimum, bool ExclusiveMinimum, double? Maximum, bool ExclusiveMaximum)
{
    public bool IsEmpty => MinLength is null && MaxLength is null && Pattern is null && Minimum is null && Maximum is null;
}

/// <summary>A generated type.</summary>
internal abstract record TypeSpec(string Name, string? Description);

/// <summary>A property of an object schema.</summary>
internal sealed record PropertySpec(
    string JsonName, string Name, TypeRef Type, bool Required, bool Nullable, string? Description, ConstraintSpec? Constraints);

/// <summary>An object schema → a <c>sealed partial record</c>; when it is a union variant it derives from the union's base.</summary>
/// <param name="BaseUnion">The union base record, when this is a variant.</param>
/// <param name="DiscriminatorJsonName">The union's tag property, which this record writes as a constant.</param>
/// <param name="DiscriminatorValues">This variant's tag values (usually one; the first is the default when several, and the
/// record then keeps the value it was read with).</param>
/// <param name="DiscriminatorName">The C# name of the tag property on the base.</param>
/// <param name="NestedValidation">Properties (objects or lists of objects) whose own <c>Validate()</c> must run too.</param>
/// <param name="NumericTag">The tag is an integer on the wire (the values are its text).</param>
internal sealed record ObjectSpec(
    string Name,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    string? BaseUnion,
    string? DiscriminatorJsonName,
    string? DiscriminatorName,
    EquatableArray<string> DiscriminatorValues,
    EquatableArray<string> NestedValidation = default,
    bool NumericTag = false) : TypeSpec(Name, Description)
{
    /// <summary>Whether the variant has several tag values, so it carries the one it was read with.</summary>
    public bool HasVariableTag => DiscriminatorValues.Count > 1;

    /// <summary>Whether the record gets a <c>Validate()</c>: constraints of its own, or properties whose types have them.</summary>
    public bool HasValidate => HasOwnConstraints || NestedValidation.Count > 0;

    public bool HasOwnConstraints
    {
        get
        {
            foreach (var property in Properties)
            {
                if (property.Constraints is { IsEmpty: false })
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>One value of an open enum.</summary>
internal sealed record EnumMemberSpec(string Value, string Name);

/// <summary>A string or integer enum → an open <c>readonly struct</c> that accepts unknown values.</summary>
/// <param name="IsInteger">The values are integers (<see cref="EnumMemberSpec.Value"/> is their decimal text; the struct holds a <c>long</c>).</param>
internal sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members, bool IsInteger = false) : TypeSpec(Name, Description);

/// <summary>One case of a discriminated union: the tag values that select it (one or more) and the record that holds it.</summary>
internal sealed record UnionCaseSpec(EquatableArray<string> Values, string TypeName);

/// <summary>
/// A tag value several variants of one union have: the reader looks at <paramref name="PropertyJsonName"/> too, which
/// each of them pins to values of its own (<paramref name="Cases"/> lists those values, not the tag).
/// </summary>
internal sealed record SharedTagSpec(string Value, string PropertyJsonName, EquatableArray<UnionCaseSpec> Cases);

/// <summary>oneOf/anyOf of objects told apart by a tag property → abstract record + variants + an Unknown variant.</summary>
/// <param name="Cases">Every variant, with the tag values that alone select it (none when all its values are shared).</param>
/// <param name="SharedTags">Tag values that select one of several variants by a second property.</param>
internal sealed record UnionSpec(
    string Name,
    string? Description,
    string DiscriminatorJsonName,
    string DiscriminatorName,
    EquatableArray<UnionCaseSpec> Cases,
    EquatableArray<SharedTagSpec> SharedTags = default)
    : TypeSpec(Name, Description)
{
    public string UnknownTypeName => "Unknown" + Name;

    /// <summary>Whether a tag property tells the variants apart; otherwise each case's single value is a property only that variant has.</summary>
    public bool IsTagged => DiscriminatorJsonName.Length > 0;
}

/// <summary>
/// A union's variant record for a schema that cannot derive from the union (it is a variant of several unions, or a
/// plain record elsewhere): it holds the schema's record in <c>Value</c> and has the union's tag.
/// </summary>
/// <param name="Union">The union it derives from.</param>
/// <param name="DiscriminatorJsonName">The union's tag property.</param>
/// <param name="DiscriminatorName">The C# name of the tag property on the union.</param>
/// <param name="DiscriminatorValues">The tag values that select it (the first is the default).</param>
/// <param name="Wrapped">The shared schema's record.</param>
internal sealed record VariantWrapperSpec(
    string Name,
    string? Description,
    string Union,
    string DiscriminatorJsonName,
    string DiscriminatorName,
    EquatableArray<string> DiscriminatorValues,
    TypeRef Wrapped) : TypeSpec(Name, Description);

/// <summary>oneOf/anyOf of primitive types (<c>string | number</c>) → a small struct with a raw-JSON fallback.</summary>
internal sealed record PrimitiveUnionSpec(string Name, string? Description, EquatableArray<TypeKindBox> Cases) : TypeSpec(Name, Description);

/// <summary>The kinds of JSON value a <see cref="ValueUnionSpec"/> tells apart by the token it starts with.</summary>
internal enum JsonKind
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
}

/// <summary>One case of a <see cref="ValueUnionSpec"/>: the JSON kind, the C# case name (<c>IsList</c>, <c>AsDog()</c>) and its type.</summary>
internal sealed record ValueUnionCaseSpec(JsonKind Kind, string Name, TypeRef Type);

/// <summary>oneOf/anyOf whose branches are different JSON kinds (<c>string | Dog | string[]</c>) → a struct with a raw-JSON fallback.</summary>
internal sealed record ValueUnionSpec(string Name, string? Description, EquatableArray<ValueUnionCaseSpec> Cases) : TypeSpec(Name, Description);

/// <summary>
/// oneOf/anyOf of objects that nothing tells apart (no discriminator, tag or property only one of them requires) → a
/// struct that keeps the JSON and reads it as the branch the caller asks for (<c>AsDog()</c>), created from any branch.
/// </summary>
/// <param name="Branches">The branch records (Object or Union types), distinct, and at most one Map.</param>
/// <param name="OffersEmpty">One branch is the empty object (<c>{}</c>), offered as <c>Empty</c>.</param>
internal sealed record ObjectChoiceSpec(string Name, string? Description, EquatableArray<TypeRef> Branches, bool OffersEmpty) : TypeSpec(Name, Description);

/// <summary>An equatable wrapper so a <see cref="TypeKind"/> can live in an <see cref="EquatableArray{T}"/>.</summary>
internal readonly record struct TypeKindBox(TypeKind Kind);

/// <summary>Everything one spec generates.</summary>
/// <param name="Forms">Request records of form-encoded and multipart bodies (see <see cref="FormSpec"/>).</param>
internal sealed record ApiModel(
    GenerationContext Context, ClientSpec Client, EquatableArray<TypeSpec> Types, EquatableArray<GroupSpec> Groups, EquatableArray<FormSpec> Forms);
