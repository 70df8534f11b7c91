namespace Cloudflare.OpenApi.Generator;

/// <summary>Names of the pipeline steps, so tests can assert what an edit re-ran.</summary>
public static class TrackingNames
{
    /// <summary>The spec file and its options.</summary>
    public const string SpecInput = nameof(SpecInput);

    /// <summary>Every OpenApiOverlay file, collected.</summary>
    public const string Overlays = nameof(Overlays);

    /// <summary>The parsed model (and diagnostics).</summary>
    public const string Model = nameof(Model);

    /// <summary>One item per generated type.</summary>
    public const string Types = nameof(Types);

    /// <summary>One item per form-encoded or multipart request record.</summary>
    public const string Forms = nameof(Forms);

    /// <summary>One item per generated client class.</summary>
    public const string Clients = nameof(Clients);
}
