using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>A plain API's credential properties on its options, and the policy that sends them (one per security scheme).</summary>
internal static class CredentialEmitter
{
    private const string Policy = "global::Cloudflare.OpenApi.ApiCredentialPolicy";

    public static void EmitProperties(SourceWriter w, EquatableArray<CredentialSpec> credentials, ref bool first)
    {
        if (credentials.Count == 0)
        {
            return;
        }

        foreach (var credential in credentials)
        {
            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            var scheme = SourceWriter.EscapeXml(credential.Scheme);
            var at = credential.Name is null ? string.Empty : SourceWriter.EscapeXml(credential.Name);
            w.WriteSummary(credential.Description, credential.Kind switch
            {
                CredentialKind.Header => $"The <c>{scheme}</c> API key, sent in the <c>{at}</c> header.",
                CredentialKind.Query => $"The <c>{scheme}</c> API key, sent as the <c>{at}</c> query parameter.",
                CredentialKind.Cookie => $"The <c>{scheme}</c> API key, sent as the <c>{at}</c> cookie.",
                CredentialKind.Bearer => $"The <c>{scheme}</c> token, sent as <c>Authorization: Bearer …</c>.",
                CredentialKind.Basic => $"The <c>{scheme}</c> user name (HTTP basic, with <see cref=\"{credential.PasswordProperty}\"/>).",
            });
            w.WriteLine($"public string? {credential.Property} {{ get; set; }}");
            if (credential.Kind == CredentialKind.Basic)
            {
                w.WriteLine();
                w.WriteLine($"/// <summary>The <c>{scheme}</c> password (HTTP basic, with <see cref=\"{credential.Property}\"/>).</summary>");
                w.WriteLine($"public string? {credential.PasswordProperty} {{ get; set; }}");
            }
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Sends the credentials that are set (none when none is: the spec's security requirements are the server's to enforce).</summary>");
        w.OpenBlock("protected override global::Cloudflare.OpenApi.CloudflarePipelinePolicy? CreateCredentialPolicy()");
        w.WriteLine($"var policy = new {Policy}();");
        foreach (var credential in credentials)
        {
            var property = credential.Property;
            var nameOf = $"nameof({property})";
            var name = credential.Name is null ? string.Empty : SourceWriter.Literal(credential.Name);
            w.WriteLine(credential.Kind switch
            {
                CredentialKind.Header => $"if ({property} is not null) policy.AddHeader({name}, {property}, {nameOf});",
                CredentialKind.Query => $"if ({property} is not null) policy.AddQuery({name}, {property}, {nameOf});",
                CredentialKind.Cookie => $"if ({property} is not null) policy.AddCookie({name}, {property}, {nameOf});",
                CredentialKind.Bearer => $"if ({property} is not null) policy.AddBearer({property}, {nameOf});",
                CredentialKind.Basic =>
                    $"if ({property} is not null || {credential.PasswordProperty} is not null) policy.AddBasic({property}!, {credential.PasswordProperty}!, {nameOf}, nameof({credential.PasswordProperty}));",
            });
        }

        w.WriteLine("return policy.IsEmpty ? null : policy;");
        w.CloseBlock();
    }
}
