namespace Cloudflare.OpenApi.Generator.Tests.Corpus;

/// <summary>A warning id a corpus spec is allowed (and expected) to produce, with the reason it is deliberate.</summary>
internal sealed record ExpectedWarning(string Id, string Reason);

/// <summary>A corpus spec that does not generate compiling code yet: why, and which helper's area it is in.</summary>
internal sealed record KnownFailure(string Owner, string Reason);

/// <summary>
/// One public, real-world OpenAPI description of the corpus (source, commit and licence: <c>SOURCES.md</c>).
/// <see cref="File"/> is relative to the Corpus folder; <c>.gz</c> files are gzip-compressed.
/// </summary>
internal sealed record CorpusSpec(string File, string Namespace, string? ClientParameters = null)
{
    /// <summary>Warning ids (generator OAG… or compiler CS…) this spec produces on purpose. Each must still occur.</summary>
    public IReadOnlyList<ExpectedWarning> ExpectedWarnings { get; init; } = [];

    /// <summary>Set while the spec fails; the corpus test fails when a listed spec starts to pass.</summary>
    public KnownFailure? KnownFailure { get; init; }

    /// <summary>The spec's file name without <c>.gz</c> (what the generator sees).</summary>
    public string SpecFileName => File.EndsWith(".gz", StringComparison.Ordinal) ? File[..^3] : File;

    public override string ToString() => File;
}

/// <summary>
/// The corpus: every spec, the warnings each is allowed to give and the specs that are known to fail. Shared by the
/// in-process corpus test (generator tests) and the packed-package corpus build (consumer tests).
/// </summary>
internal static class CorpusCatalog
{
    /// <summary>Cloudflare's full published API: 12.5 MB, measured separately (see SCALE.md), not in the fast test.</summary>
    public const string CloudflareFull = "cloudflare-full.json.gz";

    public static IReadOnlyList<CorpusSpec> All { get; } =
    [
        new("oai-petstore.yaml", "Corpus.OaiPetstore"),
        new("oai-petstore-expanded.yaml", "Corpus.OaiPetstoreExpanded"),
        new("oai-api-with-examples.yaml", "Corpus.OaiApiWithExamples"),
        new("oai-callback-example.yaml", "Corpus.OaiCallbackExample"),
        new("oai-link-example.yaml", "Corpus.OaiLinkExample"),
        new("oai-uspto.yaml", "Corpus.OaiUspto"),
        new("oai-webhook-example.yaml", "Corpus.OaiWebhookExample"),
        new("swagger-petstore-v3.yaml", "Corpus.SwaggerPetstore"),
        // MyPetsNoDisc (a oneOf of Cat and Lizard with no discriminator and no required property that tells them apart)
        // keeps its JSON and offers AsCat()/AsLizard(): no warning since 2026-12-01 20:10.
        new("openapi-generator-allOf-composition-discriminator.yaml", "Corpus.AllOfComposition"),
        new("redocly-museum.yaml", "Corpus.RedoclyMuseum"),
        new("cloudflare-workflows.json", "Corpus.CloudflareWorkflows", "account_id"),
        new("twilio-api-v2010.json.gz", "Corpus.TwilioApi")
        {
            ExpectedWarnings =
            [
                new("OAG006", "1 form field ('Parameter' of a form-encoded body) has no type: it is sent as its JSON text, since form encoding has no standard form for an untyped or object value"),
            ],
        },
        new("openai.yaml.gz", "Corpus.OpenAi")
        {
            ExpectedWarnings =
            [
                new("OAG006", "2: EasyInputMessage and Item (and their Beta copies) share the tag 'message' with overlapping roles, so InputItem reads 'message' as EasyInputMessage "
                    + "(the array branches of two unions, CreateCompletionRequest.prompt's string[] | integer[] | integer[][] and another, are one list of a union of the item kinds since 2026-12-02 04:40: 4 warnings before; "
                    + "the map/object query parameters metadata and effective_at are written by their style since 2026-12-01 22:30: 9 warnings before; "
                    + "CompoundFilter's filters, `oneOf: [ComparisonFilter, $recursiveRef: '#']`, and its Beta copy are typed unions since 2026-12-02 02:10: 6 before; "
                    + "the unions of objects that nothing tells apart keep their JSON and offer each branch since 2026-12-01 20:10: 17 warnings before)"),
            ],
        },
        // ErrorDetails (the 'errors' of ErrorResponse, the body of every 4xx answer, generated since 2026-12-02 03:50) is a
        // oneOf of a map of ErrorDetails and InnerErrors: a choice that offers AsMap() and AsInnerErrors() since 04:20.
        new("discord.json.gz", "Corpus.Discord"),
        new("box.json.gz", "Corpus.Box")
        {
            ExpectedWarnings =
            [
                new("OAG006", "1: the mdfilters query parameter (a list of objects) is a typed list sent as one parameter of JSON text, the specification having no form for it "
                    + "(the two 'validation' properties, an anyOf of a union and Box's 'OpenAPI 3.0 null schema type', are the union, nullable, since 2026-12-02 02:00: 3 warnings before)"),
            ],
        },
        new(CloudflareFull, "Corpus.CloudflareFull", "account_id"),
    ];

    public static CorpusSpec Get(string file) => All.Single(s => s.File == file);
}
