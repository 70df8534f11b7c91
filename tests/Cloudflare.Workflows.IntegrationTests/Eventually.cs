using System.Diagnostics;

namespace Cloudflare.Workflows.IntegrationTests;

/// <summary>
/// Polls until a condition holds or a deadline passes. The engine runs steps in real time, so tests wait for
/// observable state instead of sleeping for a guessed duration.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Calls <paramref name="probe"/> until <paramref name="isDone"/> accepts its result and returns that result;
    /// fails with the last result described by <paramref name="describe"/> when the deadline passes.
    /// </summary>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> isDone, Func<T, string> describe, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            T value = await probe();
            if (isDone(value))
            {
                return value;
            }

            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException($"Condition not met within {limit.TotalSeconds:0} s; last value: {describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }
}
