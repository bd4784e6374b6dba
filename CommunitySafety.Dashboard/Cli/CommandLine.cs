namespace CommunitySafety.Dashboard.Cli;

/// <summary>The command-line verbs of ../shared/spec/summary-contract.md.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import", "summary", "imports", "undo", "benchmark", "help", "--help", "-h"];

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("The command line is being built.");
        return Task.FromResult(2);
    }
}
