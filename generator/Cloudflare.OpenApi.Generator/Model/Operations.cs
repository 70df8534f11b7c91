using Cloudflare.OpenApi.Generator.Helpers;

namespace Cloudflare.OpenApi.Generator.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,

    /// <summary>Sent in the request's <c>Cookie</c> header as <c>name=value</c> (the value percent-encoded, as <c>style: form</c> asks).</summary>
    Cookie,
}

/// <summary>How an array, object or map parameter or an array form field is written (OpenAPI <c>style</c> + <c>explode</c>); for objects and maps the delimited styles join keys and values (<c>r,100,g,200</c>) and <see cref="Exploded"/> makes each property a parameter (<c>r=100&amp;g=200</c>).</summary>
internal enum ValueStyle
{
    /// <summary><c>style: form, explode: true</c> (the query and form default): the name repeated, <c>ids=a&amp;ids=b</c>.</summary>
    Exploded,
    /// <summary><c>explode: false</c> of <c>form</c>, and <c>simple</c> (the path and header default): <c>a,b</c>.</summary>
    CommaDelimited,
    /// <summary><c>style: spaceDelimited</c>: <c>a%20b</c>.</summary>
    SpaceDelimited,
    /// <summary><c>style: pipeDelimited</c>: <c>a|b</c>.</summary>
    PipeDelimited,
    /// <summary><c>style: deepObject</c> (query objects and maps): <c>color[r]=100&amp;color[g]=200</c>; an array is written as <see cref="Exploded"/>.</summary>
    DeepObject,
    /// <summary>
    /// No OpenAPI style has a form for the value (a query array of objects or of arrays): its JSON text as one parameter,
    /// <c>filters=[{"key":"id"}]</c>, the form Cloudflare documents for its <c>tagSearch</c>.
    /// </summary>
    JsonText,
}

/// <summary>An operation parameter.</summary>
/// <param name="ClientProperty">Set when the value comes from the client options (e.g. the account id), not from the method.</param>
/// <param name="ValueStyle">How an array, object or map value is written (ignored for scalars).</param>
internal sealed record ParameterSpec(
    string JsonName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    string? Description,
    ConstraintSpec? Constraints,
    string? ClientProperty,
    ValueStyle ValueStyle = ValueStyle.Exploded);

/// <summary>One piece of a path template: a literal, or the JSON name of a path parameter.</summary>
internal readonly record struct PathSegment(bool IsParameter, string Text);

/// <summary>What a request body is made of on the wire.</summary>
internal enum BodyKind
{
    /// <summary><c>application/json</c> (or <c>*+json</c>): the body type written with its JSON converter.</summary>
    Json,
    /// <summary><c>application/x-www-form-urlencoded</c>: a <see cref="FormSpec"/> record written as fields.</summary>
    Form,
    /// <summary><c>multipart/form-data</c>: a <see cref="FormSpec"/> record written as parts.</summary>
    Multipart,
    /// <summary>Any other media type: <c>BinaryContent</c> (a stream or bytes).</summary>
    Binary,
    /// <summary><c>text/*</c>: a string.</summary>
    Text,
}

/// <summary>A request body.</summary>
/// <param name="Type">The body's type (Json); the form record (Form, Multipart, as an Object reference); null for Binary and Text.</param>
/// <param name="MediaType">The media type sent in <c>Content-Type</c>.</param>
internal sealed record BodySpec(BodyKind Kind, string MediaType, TypeRef? Type, bool Required, string? Description);

/// <summary>How one property of a form or multipart record is written.</summary>
internal enum FormFieldKind
{
    /// <summary>A primitive or enum: one field/part with its text.</summary>
    Text,
    /// <summary>An array of primitives or enums, as <see cref="FormFieldSpec.ValueStyle"/> says.</summary>
    TextArray,
    /// <summary>An object, union or map: its JSON (a JSON part in multipart, JSON text in a form).</summary>
    Json,
    /// <summary>Binary (<c>format: binary</c>): a file part (<c>BinaryContent</c>).</summary>
    File,
    /// <summary>An array of binary: one file part per item.</summary>
    FileArray,
}

/// <summary>A property of a form or multipart request record.</summary>
/// <param name="Type">The C# type (Text, TextArray, Json); null for files.</param>
/// <param name="ContentType">A multipart part's media type from the spec's <c>encoding</c> (files default to <c>application/octet-stream</c>).</param>
internal sealed record FormFieldSpec(
    string JsonName, string Name, FormFieldKind Kind, TypeRef? Type, bool Required, string? Description, ValueStyle ValueStyle, string? ContentType);

/// <summary>The request record of a form-encoded or multipart body: typed properties plus a writer for the wire format.</summary>
internal sealed record FormSpec(string Name, string? Description, bool Multipart, EquatableArray<FormFieldSpec> Fields);

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
    /// <summary>Bytes of any media type: the method returns <c>BinaryContent</c>.</summary>
    Binary,
    /// <summary>Bytes left on the connection (the <c>…StreamAsync</c> twin of a Binary method): the method returns <c>StreamedContent</c>.</summary>
    Stream,
    /// <summary><c>text/*</c>: the method returns a string.</summary>
    Text,
}

/// <summary>What a successful response carries.</summary>
/// <param name="Type">The JSON result (EnvelopeResult, Plain), the page item (EnvelopePage); null otherwise.</param>
/// <param name="OrBinary">EnvelopeResult or Plain only: the response may also be bytes, so the method returns <c>JsonOrBinary&lt;T&gt;</c> chosen by <c>Content-Type</c>.</param>
/// <param name="Accept">The <c>Accept</c> header when it is not just <c>application/json</c>.</param>
internal sealed record ResponseSpec(ResponseShape Shape, TypeRef? Type, bool OrBinary = false, string? Accept = null);

/// <summary>One operation → one method on a group client.</summary>
/// <param name="Segments">The path template, split once by the parser.</param>
/// <param name="StreamMethodName">A Binary operation's second method, which returns the body unread (<c>DownloadStreamAsync</c>).</param>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    EquatableArray<PathSegment> Segments,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterSpec> Parameters,
    BodySpec? Body,
    ResponseSpec Response,
    string? StreamMethodName = null,
    EquatableArray<ErrorBodySpec> ErrorBodies = default);

/// <summary>A non-2xx status of an operation whose JSON body is a generated schema (a plain API's <c>404: Error</c>), for the method's docs.</summary>
/// <param name="Status">The status as the spec writes it (<c>404</c>, <c>4XX</c>, <c>default</c>).</param>
internal sealed record ErrorBodySpec(string Status, TypeRef Type);

/// <summary>A group of operations (see <c>OperationNaming</c>) → a sub-client; the root group (Name "") is the client itself.</summary>
/// <param name="Name">The parent's property for the group (the root client's, or the enclosing group's).</param>
/// <param name="ClassName">The sub-client class (unique among all generated type names).</param>
/// <param name="Children">The groups nested in this one (<c>client.Workflows.Instances</c>), as its properties.</param>
internal sealed record GroupSpec(string Name, string ClassName, string? Description, EquatableArray<OperationSpec> Operations, EquatableArray<GroupName> Children = default);

/// <summary>How a client reaches a group: its property and its class.</summary>
internal readonly record struct GroupName(string Property, string ClassName);

/// <summary>A value the root client's options carry for every call (e.g. <c>account_id</c>).</summary>
internal sealed record ClientParameterSpec(string JsonName, string Name, string? Description, ConstraintSpec? Constraints);

/// <summary>The root client and its options.</summary>
/// <param name="Convention">Whose house rules the spec follows (the options' base class, envelope, credentials).</param>
/// <param name="Credentials">A plain API's credential properties, one per security scheme.</param>
internal sealed record ClientSpec(
    string Name,
    string? Title,
    string? Description,
    string DefaultBaseUri,
    EquatableArray<ClientParameterSpec> ClientParameters,
    EquatableArray<GroupName> Groups,
    ApiConvention Convention,
    EquatableArray<CredentialSpec> Credentials);
