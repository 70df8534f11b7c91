using System;
using System.Globalization;

namespace Workflows.Quickstart;

/// <summary>The command line: <c>[--port N] [--engine-dir PATH] [--timeout SECONDS] [--approve-after SECONDS] [--help]</c>.</summary>
internal sealed record QuickstartOptions
{
    public const string Usage =
        """
        Usage: dotnet run --project src/Workflows.Quickstart [-- options]

          (no options)        start the local Workflows engine (tests/engine under wrangler dev), run the demo, stop it
          --port N            use a wrangler dev that already runs on 127.0.0.1:N instead of starting one
          --engine-dir PATH   the engine project to start (default: tests/engine of this repository)
          --timeout SECONDS   give up when the instance has not finished after this long (default 120)
          --approve-after SECONDS
                              let the instance wait this long for the approval event before sending it (default 0)
          --help              show this text
        """;

    /// <summary>Port of an engine that is already running, or null to start one.</summary>
    public int? Port { get; init; }

    /// <summary>The engine project folder to start, or null to find the repository's tests/engine.</summary>
    public string? EngineDirectory { get; init; }

    /// <summary>How long the demo may take once the engine is up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the instance waits for the approval event before the demo sends it.</summary>
    public TimeSpan ApproveAfter { get; init; } = TimeSpan.Zero;

    public bool ShowHelp { get; init; }

    /// <summary>Reads the arguments; returns null and sets <paramref name="error"/> when they make no sense.</summary>
    public static QuickstartOptions? Parse(string[] args, out string? error)
    {
        var options = new QuickstartOptions();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h" or "-?")
            {
                return options with { ShowHelp = true };
            }

            if (name is not ("--port" or "--engine-dir" or "--timeout" or "--approve-after"))
            {
                error = $"Unknown argument '{name}'.";
                return null;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return null;
            }

            string value = args[++i];
            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535:
                    options = options with { Port = port };
                    break;
                case "--port":
                    error = $"--port expects a TCP port (1-65535), not '{value}'.";
                    return null;
                case "--timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds > 0:
                    options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--timeout":
                    error = $"--timeout expects a positive number of seconds, not '{value}'.";
                    return null;
                case "--approve-after" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int delay):
                    options = options with { ApproveAfter = TimeSpan.FromSeconds(delay) };
                    break;
                case "--approve-after":
                    error = $"--approve-after expects a number of seconds, not '{value}'.";
                    return null;
                default:
                    options = options with { EngineDirectory = value };
                    break;
            }
        }

        if (options.Port is not null && options.EngineDirectory is not null)
        {
            error = "--port connects to a running engine and --engine-dir starts one: give one of them.";
            return null;
        }

        return options;
    }
}
