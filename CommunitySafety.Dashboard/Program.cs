using CommunitySafety.Dashboard;
using CommunitySafety.Dashboard.Cli;

// A verb (import, summary, imports, undo, benchmark) runs the command line; anything else serves the dashboard.
if (CommandLine.IsVerb(args)) return await CommandLine.RunAsync(args);

await WebApp.RunAsync(args);
return 0;
