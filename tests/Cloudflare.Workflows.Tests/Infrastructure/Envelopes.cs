namespace Cloudflare.Workflows.Tests.Infrastructure;

/// <summary>Cloudflare response envelopes around a result, as the API wraps every answer.</summary>
public static class Envelopes
{
    /// <summary><c>{"success":true,…,"result":…}</c> (plus <c>result_info</c> when given).</summary>
    public static string Success(string resultJson, string? resultInfoJson = null) =>
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + resultJson
        + (resultInfoJson is null ? string.Empty : ",\"result_info\":" + resultInfoJson) + "}";

    /// <summary><c>{"success":false,"errors":[…]}</c> with the given (code, message) pairs.</summary>
    public static string Failure(params (int Code, string Message)[] errors) =>
        "{\"success\":false,\"errors\":["
        + string.Join(",", errors.Select(e => "{\"code\":" + e.Code + ",\"message\":" + JsonSerializer.Serialize(e.Message) + "}"))
        + "],\"messages\":[],\"result\":null}";

    /// <summary>A list page of instance summaries with the given ids.</summary>
    public static string InstancePage(string resultInfoJson, params string[] ids) =>
        Success("[" + string.Join(",", ids.Select(id => "{\"id\":" + JsonSerializer.Serialize(id) + ",\"status\":\"running\"}")) + "]", resultInfoJson);

    /// <summary>A minimal instance-details result.</summary>
    public static string Details(string status = "running") => Success("{\"status\":\"" + status + "\"}");

    /// <summary>A minimal create result.</summary>
    public static string Created(string id) => Success("{\"id\":" + JsonSerializer.Serialize(id) + ",\"status\":\"queued\"}");
}
