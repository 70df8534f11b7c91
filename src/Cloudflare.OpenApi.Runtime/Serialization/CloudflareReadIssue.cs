namespace Cloudflare.OpenApi;

/// <summary>A value that lenient reading replaced because it did not match the declared schema.</summary>
/// <param name="Expected">What the schema declares (e.g. "a string", "the required property 'id' of InstanceDetails").</param>
/// <param name="Found">What the response had (e.g. "a number", "nothing").</param>
/// <param name="ByteOffset">Where in the body the value starts (-1 when it is missing).</param>
/// <param name="Replacement">What the SDK used instead (null, the default value, raw JSON).</param>
public sealed record CloudflareReadIssue(string Expected, string Found, long ByteOffset, string Replacement)
{
    /// <inheritdoc/>
    public override string ToString() =>
        ByteOffset >= 0 ? $"Expected {Expected} but found {Found} at byte {ByteOffset}; read as {Replacement}." : $"Expected {Expected} but found {Found}; read as {Replacement}.";
}
