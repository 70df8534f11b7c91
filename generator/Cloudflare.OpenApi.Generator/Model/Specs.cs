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
internal sealed record ObjectSpec(
    string Name,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    string? BaseUnion,
    string? DiscriminatorJsonName,
    string? DiscriminatorName,
    EquatableArray<string> DiscriminatorValues,
    EquatableArray<string> NestedValidation = default) : TypeSpec(Name, Description)
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

/// <summary>A string enum → an open <c>readonly struct</c> that accepts unknown values.</summary>
internal sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members) : TypeSpec(Name, Description);

/// <summary>One case of a discriminated union: the tag values that select it (one or more) and the record that holds it.</summary>
internal sealed record UnionCaseSpec(EquatableArray<string> Values, string TypeName);

/// <summary>oneOf/anyOf of objects told apart by a tag property → abstract record + variants + an Unknown variant.</summary>
internal sealed record UnionSpec(
    string Name, string? Description, string DiscriminatorJsonName, string DiscriminatorName, EquatableArray<UnionCaseSpec> Cases)
    : TypeSpec(Name, Description)
{
    public string UnknownTypeName => "Unknown" + Name;
}

/// <summary>oneOf/anyOf of primitive types (<c>string | number</c>) → a small struct with a raw-JSON fallback.</summary>
internal sealed record PrimitiveUnionSpec(string Name, string? Description, EquatableArray<TypeKindBox> Cases) : TypeSpec(Name, Description);

/// <summary>An equatable wrapper so a <see cref="TypeKind"/> can live in an <see cref="EquatableArray{T}"/>.</summary>
internal readonly record struct TypeKindBox(TypeKind Kind);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>An operation parameter.</summary>
/// <param name="ClientProperty">Set when the value comes from the client options (e.g. the account id), not from the method.</param>
internal sealed record ParameterSpec(
    string JsonName, string Name, ParameterLocation Location, TypeRef Type, bool Required, string? Description, ConstraintSpec? Constraints, string? ClientProperty);

/// <summary>A JSON request body.</summary>
internal sealed record BodySpec(TypeRef Type, bool Required, string? Description);

internal enum ResponseShape
{
    /// <summary>No result the caller needs: the method returns <c>Task</c>.</summary>
    None,
    /// <summary>Cloudflare envelope; the method returns its <c>result</c>.</summary>
    EnvelopeResult,
    /// <summary>Cloudflare envelope with a list <c>result</c> and <c>result_info</c>: the method returns a page.</summary>
    EnvelopePage,
    /// <summary>Cloudflare envelope without a useful result.</summary>
    EnvelopeNone,
    /// <summary>Plain JSON body.</summary>
    Plain,
}

/// <summary>What a successful response carries.</summary>
internal sealed record ResponseSpec(ResponseShape Shape, TypeRef? Type);

/// <summary>One operation → one method on a group client.</summary>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterSpec> Parameters,
    BodySpec? Body,
    ResponseSpec Response);

/// <summary>A group of operations (by operationId prefix or tag) → a sub-client; the root group (Name "") is the client itself.</summary>
/// <param name="Name">The root client's property for the group.</param>
/// <param name="ClassName">The sub-client class (unique among all generated type names).</param>
internal sealed record GroupSpec(string Name, string ClassName, string? Description, EquatableArray<OperationSpec> Operations);

/// <summary>How the root client reaches a group: its property and its class.</summary>
internal readonly record struct GroupName(string Property, string ClassName);

/// <summary>A value the root client's options carry for every call (e.g. <c>account_id</c>).</summary>
internal sealed record ClientParameterSpec(string JsonName, string Name, string? Description, ConstraintSpec? Constraints);

/// <summary>The root client and its options.</summary>
internal sealed record ClientSpec(
    string Name, string? Title, string? Description, string DefaultBaseUri, EquatableArray<ClientParameterSpec> ClientParameters, EquatableArray<GroupName> Groups);

/// <summary>Everything one spec generates.</summary>
internal sealed record ApiModel(
    GenerationContext Context, ClientSpec Client, EquatableArray<TypeSpec> Types, EquatableArray<GroupSpec> Groups);
