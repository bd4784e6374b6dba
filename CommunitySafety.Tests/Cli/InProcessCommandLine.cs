using CommunitySafety.Dashboard.Cli;

namespace CommunitySafety.Tests.Cli;

/// <summary>What a verb run in this process did: its exit code and what it wrote to each stream.</summary>
public sealed record CommandLineRun(int ExitCode, string Out, string Error);

/// <summary>
/// Runs the command line in this process, capturing its output (and giving it standard input when asked). It swaps
/// Console's streams, so only tests of <see cref="ConsoleCollection"/>, which run alone, may use it.
/// </summary>
public static class InProcessCommandLine
{
    public static Task<CommandLineRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public static async Task<CommandLineRun> RunWithInputAsync(string? input, params string[] args)
    {
        var (stdin, stdout, stderr) = (Console.In, Console.Out, Console.Error);
        var (capturedOut, capturedError) = (new StringWriter(), new StringWriter());
        if (input is not null) Console.SetIn(new StringReader(input));
        Console.SetOut(capturedOut);
        Console.SetError(capturedError);
        try
        {
            var code = await CommandLine.RunAsync(args);
            return new CommandLineRun(code, capturedOut.ToString(), capturedError.ToString());
        }
        finally
        {
            Console.SetIn(stdin);
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
