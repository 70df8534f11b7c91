using Cloudflare.OpenApi.Serialization;

namespace Cloudflare.Workflows.Tests.Serialization;

/// <summary>The open enums and the string-or-number union: known and unknown values survive a round trip.</summary>
public sealed class ValueTypeTests
{
    private static T RoundTripValue<T>(T value, JsonWriteAction<T> write, JsonReadFunc<T> read, string expectedJson)
    {
        var bytes = JsonWrite.ToUtf8Bytes(value, write);
        Assert.Equal(expectedJson, Encoding.UTF8.GetString(bytes));
        return JsonWrite.FromUtf8Bytes(bytes, read);
    }

    [Fact]
    public void Every_InstanceStatus_round_trips_and_is_known()
    {
        Assert.Equal(
            new[] { "queued", "running", "paused", "errored", "terminated", "complete", "waitingForPause", "waiting", "rollingBack" },
            InstanceStatus.KnownValues.Select(v => v.Value));
        foreach (var status in InstanceStatus.KnownValues.Append(new InstanceStatus("hibernating")))
        {
            var back = RoundTripValue(status, InstanceStatus.WriteJson, InstanceStatus.ReadJson, "\"" + status.Value + "\"");
            Assert.Equal(status, back);
            Assert.Equal(status.IsKnown, back.IsKnown);
            Assert.Equal(status.Value != "hibernating", back.IsKnown);
        }
    }

    [Fact]
    public void Every_InstanceAction_round_trips()
    {
        Assert.Equal(new[] { "resume", "pause", "terminate", "restart" }, InstanceAction.KnownValues.Select(v => v.Value));
        foreach (var action in InstanceAction.KnownValues.Append(new InstanceAction("suspend")))
        {
            var back = RoundTripValue(action, InstanceAction.WriteJson, InstanceAction.ReadJson, "\"" + action.Value + "\"");
            Assert.Equal(action, back);
            Assert.Equal(action.Value != "suspend", back.IsKnown);
        }
    }

    [Fact]
    public void Every_SortDirection_TriggerSource_RetryBackoff_StepKind_round_trips()
    {
        Assert.Equal(new[] { "asc", "desc" }, SortDirection.KnownValues.Select(v => v.Value));
        Assert.Equal(new[] { "unknown", "api", "binding", "event", "cron" }, TriggerSource.KnownValues.Select(v => v.Value));
        Assert.Equal(new[] { "constant", "linear", "exponential" }, RetryBackoff.KnownValues.Select(v => v.Value));
        Assert.Equal(new[] { "do", "sleep", "waitForEvent" }, StepKind.KnownValues.Select(v => v.Value));

        foreach (var v in SortDirection.KnownValues.Append(new SortDirection("sideways")))
        {
            Assert.Equal(v, RoundTripValue(v, SortDirection.WriteJson, SortDirection.ReadJson, "\"" + v.Value + "\""));
        }

        foreach (var v in TriggerSource.KnownValues.Append(new TriggerSource("queue")))
        {
            Assert.Equal(v, RoundTripValue(v, TriggerSource.WriteJson, TriggerSource.ReadJson, "\"" + v.Value + "\""));
        }

        foreach (var v in RetryBackoff.KnownValues.Append(new RetryBackoff("fibonacci")))
        {
            Assert.Equal(v, RoundTripValue(v, RetryBackoff.WriteJson, RetryBackoff.ReadJson, "\"" + v.Value + "\""));
        }

        foreach (var v in StepKind.KnownValues.Append(new StepKind("parallel")))
        {
            Assert.Equal(v, RoundTripValue(v, StepKind.WriteJson, StepKind.ReadJson, "\"" + v.Value + "\""));
        }
    }

    [Fact]
    public void Open_enums_compare_ordinally_and_convert_from_strings()
    {
        InstanceStatus fromString = "running";

        Assert.Equal(InstanceStatus.Running, fromString);
        Assert.True(fromString.IsKnown);
        Assert.NotEqual(InstanceStatus.Running, new InstanceStatus("Running"));
        Assert.False(new InstanceStatus("Running").IsKnown);
        Assert.Equal(InstanceStatus.Running.GetHashCode(), new InstanceStatus("running").GetHashCode());
        Assert.Throws<ArgumentNullException>(() => new InstanceStatus(null!));
    }

    [Fact]
    public void An_open_enum_rejects_a_non_string_token()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonWrite.FromUtf8Bytes<InstanceStatus>("42"u8, InstanceStatus.ReadJson));

        Assert.Contains("InstanceStatus", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello", "\"hello\"")]
    [InlineData("", "\"\"")]
    [InlineData("5 minutes", "\"5 minutes\"")]
    public void StringOrNumber_string_round_trips(string text, string json)
    {
        var back = RoundTripValue(new StringOrNumber(text), StringOrNumber.WriteJson, StringOrNumber.ReadJson, json);

        Assert.True(back.IsString);
        Assert.Equal(text, back.AsString());
        Assert.Equal(new StringOrNumber(text), back);
        Assert.Throws<InvalidOperationException>(() => back.AsNumber());
    }

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(42d, "42")]
    [InlineData(-12.5, "-12.5")]
    [InlineData(86400000d, "86400000")]
    [InlineData(0.1, "0.1")]
    public void StringOrNumber_number_round_trips(double number, string json)
    {
        var back = RoundTripValue(new StringOrNumber(number), StringOrNumber.WriteJson, StringOrNumber.ReadJson, json);

        Assert.True(back.IsNumber);
        Assert.Equal(number, back.AsNumber());
        Assert.Equal(new StringOrNumber(number), back);
        Assert.True(back.TryGetNumber(out var n));
        Assert.Equal(number, n);
        Assert.False(back.TryGetString(out _));
    }

    [Theory]
    [InlineData("""{"a":1,"b":[true,null]}""")]
    [InlineData("[1,2,3]")]
    [InlineData("true")]
    [InlineData("false")]
    public void StringOrNumber_other_json_round_trips(string json)
    {
        var value = StringOrNumber.FromOtherJson(JsonAssert.Parse(json));

        var back = JsonWrite.FromUtf8Bytes<StringOrNumber>(JsonWrite.ToUtf8Bytes(value, StringOrNumber.WriteJson), StringOrNumber.ReadJson);

        Assert.True(back.IsOther);
        Assert.False(back.IsString);
        Assert.False(back.IsNumber);
        JsonAssert.Equal(json, back.OtherJson);
        Assert.Equal(value, back);
        Assert.Equal(value.GetHashCode(), back.GetHashCode());
    }

    [Fact]
    public void StringOrNumber_cases_are_distinct()
    {
        Assert.NotEqual(new StringOrNumber("42"), new StringOrNumber(42));
        Assert.NotEqual(StringOrNumber.FromOtherJson(JsonAssert.Parse("{}")), StringOrNumber.FromOtherJson(JsonAssert.Parse("[]")));
        Assert.Equal("42", new StringOrNumber(42).ToString());
        Assert.Equal("""{"a":1}""", StringOrNumber.FromOtherJson(JsonAssert.Parse("""{"a":1}""")).ToString());
    }

    [Fact]
    public void StringOrNumber_reads_null_as_no_value_where_nullable()
    {
        // A nullable StringOrNumber property (a step's output) reads JSON null as no value, not as an undeclared kind.
        var step = JsonWrite.FromUtf8Bytes<InstanceStep>("""{"type":"step","name":"s","output":null}"""u8, InstanceStep.ReadJson);

        Assert.Null(Assert.IsType<StepRun>(step).Output);
    }

    [Fact]
    public void Equal_StringOrNumber_values_have_equal_hash_codes()
    {
        var zero = new StringOrNumber(0.0);
        var negativeZero = new StringOrNumber(-0.0);

        Assert.Equal(zero, negativeZero);
        Assert.Equal(zero.GetHashCode(), negativeZero.GetHashCode());
    }
}
