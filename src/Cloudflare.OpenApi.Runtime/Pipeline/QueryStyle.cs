using System.ComponentModel;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// The OpenAPI <c>style</c>/<c>explode</c> of a query parameter whose value is an object, a map or a union
/// (<see cref="RequestBuilder.AppendQueryJson"/>): how its JSON value becomes query text.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum QueryStyle
{
    /// <summary><c>style: form, explode: true</c> (the default): an object's properties as parameters of their own
    /// (<c>r=100&amp;g=200</c>), an array's items repeated (<c>ids=a&amp;ids=b</c>).</summary>
    Form,

    /// <summary><c>style: form, explode: false</c>: one parameter, keys and values joined by commas (<c>color=r,100,g,200</c>).</summary>
    FormUnexploded,

    /// <summary><c>style: spaceDelimited</c>: as <see cref="FormUnexploded"/>, joined by spaces.</summary>
    SpaceDelimited,

    /// <summary><c>style: pipeDelimited</c>: as <see cref="FormUnexploded"/>, joined by '|'.</summary>
    PipeDelimited,

    /// <summary><c>style: deepObject</c>: one parameter per property, named in brackets (<c>color[r]=100&amp;color[g]=200</c>);
    /// nested objects add a bracket per level (<c>filter[created][gt]=…</c>).</summary>
    DeepObject,

    /// <summary>No OpenAPI style: the value's JSON text as one parameter (<c>filters=[{"key":"id"}]</c>), for a query array
    /// of objects or of arrays, which the specification gives no form.</summary>
    JsonText,
}
