namespace Cloudflare.Workflows.Tests.Validation;

/// <summary>Constraints the spec declares are checked before anything is sent: the handler must see no request.</summary>
public sealed class ValidationTests
{
    private static readonly string Name65 = new('w', 65);
    private static readonly string Id272 = new('i', 272);
    private static readonly string Event101 = new('e', 101);

    private readonly RecordingHandler _handler = new();
    private readonly WorkflowsClient _client;

    public ValidationTests()
    {
        _client = TestClient.Create(_handler);
    }

    public static TheoryData<string?> BadWorkflowNames => new() { null, string.Empty, Name65 };

    [Theory]
    [MemberData(nameof(BadWorkflowNames))]
    public async Task Every_operation_rejects_a_null_empty_or_65_character_workflow_name(string? workflowName)
    {
        var calls = new Func<Task>[]
        {
            () => _client.Instances.ListAsync(workflowName!),
            () => _client.Instances.GetAsync(workflowName!, "order-1"),
            () => _client.Instances.CreateAsync(workflowName!),
            () => _client.Instances.CreateBatchAsync(workflowName!, Array.Empty<InstanceCreateRequest>()),
            () => _client.Instances.ChangeStatusAsync(workflowName!, "order-1", InstanceAction.Pause),
            () => _client.Instances.ChangeStatusAsync(workflowName!, "order-1", new InstanceStatusChangeRequest { Status = InstanceAction.Pause }),
            () => _client.Instances.SendEventAsync(workflowName!, "order-1", "approve"),
        };

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal("workflowName", ex.ParamName);
            if (workflowName is null)
            {
                Assert.IsType<ArgumentNullException>(ex);
            }
            else if (workflowName.Length == 0)
            {
                Assert.Contains("must not be empty", ex.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("at most 64 characters", ex.Message, StringComparison.Ordinal);
            }
        }

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task A_64_character_workflow_name_is_accepted()
    {
        _handler.RespondOk(Envelopes.Success("[]"));

        await _client.Instances.ListAsync(new string('w', 64));

        Assert.Single(_handler.Requests);
    }

    public static TheoryData<string?> BadInstanceIds => new() { null, string.Empty, Id272 };

    [Theory]
    [MemberData(nameof(BadInstanceIds))]
    public async Task Every_instance_operation_rejects_a_null_empty_or_272_character_instance_id(string? instanceId)
    {
        var calls = new Func<Task>[]
        {
            () => _client.Instances.GetAsync("orders", instanceId!),
            () => _client.Instances.ChangeStatusAsync("orders", instanceId!, InstanceAction.Pause),
            () => _client.Instances.SendEventAsync("orders", instanceId!, "approve"),
        };

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal("instanceId", ex.ParamName);
            if (instanceId is { Length: 272 })
            {
                Assert.Contains("at most 271 characters", ex.Message, StringComparison.Ordinal);
            }
        }

        Assert.Empty(_handler.Requests);
    }

    public static TheoryData<string?> BadEventTypes => new() { null, string.Empty, Event101 };

    [Theory]
    [MemberData(nameof(BadEventTypes))]
    public async Task SendEvent_rejects_a_null_empty_or_101_character_event_type(string? eventType)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.Instances.SendEventAsync("orders", "order-1", eventType!));

        Assert.Equal("eventType", ex.ParamName);
        if (eventType is { Length: 101 })
        {
            Assert.Contains("at most 100 characters", ex.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task A_100_character_event_type_is_accepted()
    {
        _handler.RespondOk(Envelopes.Success("{}"));

        await _client.Instances.SendEventAsync("orders", "order-1", new string('e', 100));

        Assert.Single(_handler.Requests);
    }

    [Theory]
    [InlineData("has space", "must match the pattern")]
    [InlineData("-starts-with-dash", "must match the pattern")]
    [InlineData("bad/slash", "must match the pattern")]
    [InlineData("", "must not be empty")]
    public async Task Create_rejects_an_instance_id_that_breaks_the_pattern_or_is_empty(string instanceId, string reason)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => _client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = instanceId }));

        Assert.Equal("body.InstanceId", ex.ParamName);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Create_rejects_a_101_character_instance_id()
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => _client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = new string('a', 101) }));

        Assert.Equal("body.InstanceId", ex.ParamName);
        Assert.Contains("at most 100 characters", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Theory]
    [InlineData("_underscore-start")]
    [InlineData("A1_b-2")]
    [InlineData("0")]
    public async Task Create_accepts_instance_ids_that_match_the_pattern(string instanceId)
    {
        _handler.RespondOk(Envelopes.Created(instanceId));

        await _client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = instanceId });

        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task Create_accepts_a_100_character_instance_id()
    {
        var id = new string('a', 100);
        _handler.RespondOk(Envelopes.Created(id));

        await _client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = id });

        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task CreateBatch_names_the_index_of_the_invalid_item()
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.Instances.CreateBatchAsync("orders", new[]
        {
            new InstanceCreateRequest { InstanceId = "fine" },
            new InstanceCreateRequest { InstanceId = "not fine" },
        }));

        Assert.Equal("body[1].InstanceId", ex.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task CreateBatch_rejects_a_null_item_and_a_null_body()
    {
        var nullItem = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => _client.Instances.CreateBatchAsync("orders", new InstanceCreateRequest[] { new(), null! }));
        var nullBody = await Assert.ThrowsAsync<ArgumentNullException>(() => _client.Instances.CreateBatchAsync("orders", null!));

        Assert.Equal("body", nullItem.ParamName);
        Assert.Contains("index 1", nullItem.Message, StringComparison.Ordinal);
        Assert.Equal("body", nullBody.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task ChangeStatus_rejects_a_null_body()
    {
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => _client.Instances.ChangeStatusAsync("orders", "order-1", (InstanceStatusChangeRequest)null!));

        Assert.Equal("body", ex.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task ChangeStatus_rejects_a_restart_from_step_with_an_empty_name_or_a_zero_count()
    {
        var emptyName = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.Instances.ChangeStatusAsync("orders", "order-1", new InstanceStatusChangeRequest
        {
            Status = InstanceAction.Restart,
            From = new RestartFrom { Name = string.Empty },
        }));
        var zeroCount = await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.Instances.ChangeStatusAsync("orders", "order-1", new InstanceStatusChangeRequest
        {
            Status = InstanceAction.Restart,
            From = new RestartFrom { Name = "make-number", Count = 0 },
        }));

        Assert.Equal("body.From.Name", emptyName.ParamName);
        Assert.Equal("body.From.Count", zeroCount.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public void RestartFrom_Validate_checks_name_length_and_a_positive_count()
    {
        Assert.Equal("from.Name", Assert.Throws<ArgumentException>(() => new RestartFrom { Name = string.Empty }.Validate("from")).ParamName);
        Assert.Equal("from.Name", Assert.Throws<ArgumentException>(() => new RestartFrom { Name = new string('n', 257) }.Validate("from")).ParamName);
        Assert.Equal("from.Count", Assert.Throws<ArgumentOutOfRangeException>(() => new RestartFrom { Name = "a", Count = 0 }.Validate("from")).ParamName);
        new RestartFrom { Name = new string('n', 256), Count = 0.5 }.Validate("from");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(101L)]
    [InlineData(-1L)]
    public async Task List_rejects_per_page_outside_1_to_100(long perPage)
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.Instances.ListAsync("orders", perPage: perPage));

        Assert.Equal("perPage", ex.ParamName);
        Assert.Equal((double)perPage, ex.ActualValue);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task ListAll_rejects_per_page_101_on_the_first_page()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var unused in _client.Instances.ListAllAsync("orders", perPage: 101))
            {
            }
        });

        Assert.Equal("perPage", ex.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task List_rejects_page_0()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.Instances.ListAsync("orders", page: 0));

        Assert.Equal("page", ex.ParamName);
        Assert.Contains("at least 1", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(100L)]
    public async Task List_accepts_per_page_1_and_100(long perPage)
    {
        _handler.RespondOk(Envelopes.Success("[]"));

        await _client.Instances.ListAsync("orders", perPage: perPage);

        Assert.EndsWith("?per_page=" + perPage, _handler.Single.OriginalUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_operation_without_an_account_id_throws_InvalidOperationException_naming_the_option()
    {
        var client = TestClient.Create(_handler, o => o.AccountId = null);
        var calls = new Func<Task>[]
        {
            () => client.Instances.ListAsync("orders"),
            () => client.Instances.GetAsync("orders", "order-1"),
            () => client.Instances.CreateAsync("orders"),
            () => client.Instances.CreateBatchAsync("orders", Array.Empty<InstanceCreateRequest>()),
            () => client.Instances.ChangeStatusAsync("orders", "order-1", InstanceAction.Pause),
            () => client.Instances.SendEventAsync("orders", "order-1", "approve"),
        };

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(call);
            Assert.StartsWith("WorkflowsClientOptions.AccountId is not set", ex.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_handler.Requests);
    }
}
