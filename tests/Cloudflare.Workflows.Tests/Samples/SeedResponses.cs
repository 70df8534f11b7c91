namespace Cloudflare.Workflows.Tests.Samples;

/// <summary>
/// The example responses of Cloudflare's API reference pages for the six instance operations, copied verbatim
/// (/work/shared/seeds: 000/001 send event, 001 list/get/create/batch, 002 create, 003 change status, 004 get).
/// </summary>
public static class SeedResponses
{
    public const string List = """
        {
          "errors": [ { "code": 0, "message": "message" } ],
          "messages": [ { "code": 0, "message": "message" } ],
          "result": [
            {
              "id": "x",
              "created_on": "2019-12-27T18:11:19.117Z",
              "ended_on": "2019-12-27T18:11:19.117Z",
              "modified_on": "2019-12-27T18:11:19.117Z",
              "started_on": "2019-12-27T18:11:19.117Z",
              "status": "queued",
              "version_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
              "workflow_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"
            }
          ],
          "success": true,
          "result_info": { "count": 0, "per_page": 0, "total_count": 0, "cursor": "cursor", "page": 0 }
        }
        """;

    public const string Get = """
        {
          "errors": [
            {
              "code": 0,
              "message": "message"
            }
          ],
          "messages": [
            {
              "code": 0,
              "message": "message"
            }
          ],
          "result": {
            "end": "2019-12-27T18:11:19.117Z",
            "error": {
              "message": "message",
              "name": "name"
            },
            "output": "string",
            "params": {},
            "queued": "2019-12-27T18:11:19.117Z",
            "start": "2019-12-27T18:11:19.117Z",
            "status": "queued",
            "step_count": 0,
            "steps": [
              {
                "attempts": [
                  {
                    "end": "2019-12-27T18:11:19.117Z",
                    "error": {
                      "message": "message",
                      "name": "name"
                    },
                    "start": "2019-12-27T18:11:19.117Z",
                    "success": true
                  }
                ],
                "config": {
                  "retries": {
                    "delay": "string",
                    "limit": 0,
                    "backoff": "constant"
                  },
                  "timeout": "string"
                },
                "end": "2019-12-27T18:11:19.117Z",
                "name": "name",
                "output": "output",
                "start": "2019-12-27T18:11:19.117Z",
                "success": true,
                "type": "step"
              }
            ],
            "success": true,
            "trigger": {
              "source": "unknown"
            },
            "versionId": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"
          },
          "success": true,
          "result_info": {
            "count": 0,
            "per_page": 0,
            "total_count": 0,
            "cursor": "cursor",
            "page": 0
          }
        }
        """;

    public const string Create = """
        {
          "errors": [
            {
              "code": 0,
              "message": "message"
            }
          ],
          "messages": [
            {
              "code": 0,
              "message": "message"
            }
          ],
          "result": {
            "id": "x",
            "status": "queued",
            "version_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
            "workflow_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"
          },
          "success": true,
          "result_info": {
            "count": 0,
            "per_page": 0,
            "total_count": 0,
            "cursor": "cursor",
            "page": 0
          }
        }
        """;

    public const string CreateBatch = """
        { "errors": [ { "code": 0, "message": "message" } ], "messages": [ { "code": 0, "message": "message" } ], "result": [ { "id": "x", "status": "queued", "version_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", "workflow_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e" } ], "success": true, "result_info": { "count": 0, "per_page": 0, "total_count": 0, "cursor": "cursor", "page": 0 } }
        """;

    public const string ChangeStatus = """
        {
          "errors": [
            {
              "code": 0,
              "message": "message"
            }
          ],
          "messages": [
            {
              "code": 0,
              "message": "message"
            }
          ],
          "result": {
            "status": "queued",
            "timestamp": "2019-12-27T18:11:19.117Z"
          },
          "success": true,
          "result_info": {
            "count": 0,
            "per_page": 0,
            "total_count": 0,
            "cursor": "cursor",
            "page": 0,
            "total_pages": 0
          }
        }
        """;

    public const string SendEvent = """
        {
          "errors": [
            {
              "code": 0,
              "message": "message"
            }
          ],
          "messages": [
            {
              "code": 0,
              "message": "message"
            }
          ],
          "success": true,
          "result": {},
          "result_info": {
            "count": 0,
            "per_page": 0,
            "total_count": 0,
            "cursor": "cursor",
            "page": 0,
            "total_pages": 0
          }
        }
        """;

    /// <summary>The timestamp every seed uses.</summary>
    public static readonly DateTimeOffset Timestamp = new(2019, 12, 27, 18, 11, 19, 117, TimeSpan.Zero);

    /// <summary>The uuid every seed uses.</summary>
    public const string Uuid = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
}
