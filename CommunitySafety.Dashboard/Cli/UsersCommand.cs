using System.Globalization;
using System.Text;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Dashboard.Cli;

/// <summary>
/// `users add|list|set-roles|disable|enable|reset-password|api-key`: the accounts, from the server's command line
/// (the first Admin is made here or with the web app's one-time set-up link). Every change is in the audit trail.
/// </summary>
internal static class UsersCommand
{
    public const string Usage = """
          CommunitySafety.Dashboard users add --email X --role Admin[,Analyst...] [--lead-name N] [--name N] [--password-stdin]
          CommunitySafety.Dashboard users list [--json]
          CommunitySafety.Dashboard users set-roles --email X --role Viewer[,Lead...]
          CommunitySafety.Dashboard users set-lead-name --email X --lead-name "CS Team"
          CommunitySafety.Dashboard users disable --email X | users enable --email X
          CommunitySafety.Dashboard users reset-password --email X [--password-stdin] | --link [--url http://127.0.0.1:5098]
          CommunitySafety.Dashboard users api-key --email X --name NAME
        """;

    public static async Task<int> RunAsync(string[] words, Func<Arguments, Task<ServiceProvider>> open)
    {
        if (words.Length == 0) throw new UsageException("Say what to do with users: add, list, set-roles, set-lead-name, disable, enable, reset-password or api-key.");
        var action = words[0].ToLowerInvariant();
        var arguments = Arguments.Parse(words.Skip(1), "--json", "--password-stdin", "--link");
        if (arguments.Positional.Count > 0) throw new UsageException($"`users {action}` takes options only, such as --email X.");
        switch (action)
        {
            case "add":
                arguments.AllowOnly("--db", "--email", "--role", "--lead-name", "--name", "--password-stdin");
                return await AddAsync(arguments, open);
            case "list":
                arguments.AllowOnly("--db", "--json");
                return await ListAsync(arguments, open);
            case "set-roles":
                arguments.AllowOnly("--db", "--email", "--role");
                var roles = RolesOf(arguments, allowNone: true);
                return await ChangeAsync(arguments, open, (accounts, email) => accounts.SetRolesAsync(email, roles, AuditActor.CommandLine));
            case "set-lead-name":
                arguments.AllowOnly("--db", "--email", "--lead-name");
                return await ChangeAsync(arguments, open, (accounts, email) => accounts.SetLeadNameAsync(email, arguments.Value("--lead-name"), AuditActor.CommandLine));
            case "disable" or "enable":
                arguments.AllowOnly("--db", "--email");
                return await ChangeAsync(arguments, open, (accounts, email) => accounts.SetDisabledAsync(email, action == "disable", AuditActor.CommandLine));
            case "reset-password":
                arguments.AllowOnly("--db", "--email", "--password-stdin", "--link", "--url");
                return await ResetPasswordAsync(arguments, open);
            case "api-key":
                arguments.AllowOnly("--db", "--email", "--name");
                var name = arguments.Value("--name") ?? throw new UsageException("Name the key: users api-key --email X --name \"nightly import\"");
                return await ChangeAsync(arguments, open, (accounts, email) => accounts.CreateApiKeyForEmailAsync(email, name, AuditActor.CommandLine));
            default:
                throw new UsageException($"There is no `users {words[0]}`: use add, list, set-roles, set-lead-name, disable, enable, reset-password or api-key.");
        }
    }

    private static async Task<int> AddAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        var email = Email(arguments);
        var roles = RolesOf(arguments, allowNone: false);
        var (password, generated) = ReadNewPassword(arguments);
        if (password is null) return CommandLine.Refused;

        await using var services = await open(arguments);
        var outcome = await services.GetRequiredService<Accounts>().AddAsync(
            email, roles, password, arguments.Value("--lead-name"), arguments.Value("--name"), AuditActor.CommandLine);
        return Report(outcome, generated ? password : null);
    }

    private static async Task<int> ListAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        await using var services = await open(arguments);
        var accounts = await services.GetRequiredService<Accounts>().ListAsync();
        if (arguments.Has("--json"))
        {
            Console.WriteLine(SummaryJson.Serialize(accounts.Select(a => new
            {
                a.Email, a.Name, a.LeadName, a.Roles, a.Disabled, lockedOutUntil = a.LockedOutUntil, createdAt = a.CreatedAtUtc, lastSignIn = a.LastSignInAtUtc,
            })));
            return CommandLine.Done;
        }
        if (accounts.Count == 0)
        {
            Console.WriteLine("No users yet. Add the first Admin: users add --email you@example.org --role Admin");
            return CommandLine.Done;
        }
        foreach (var a in accounts)
        {
            var state = a.Disabled ? "disabled" : a.LockedOutUntil is { } until ? $"locked until {until:yyyy-MM-dd HH:mm} UTC" : "enabled";
            var lastSignIn = a.LastSignInAtUtc is { } at ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "never";
            Console.WriteLine($"{a.Email}  {a.Name}  roles: {Accounts.Describe(a.Roles)}  lead name: {a.LeadName ?? "-"}  {state}  last sign-in: {lastSignIn}");
        }
        return CommandLine.Done;
    }

    private static async Task<int> ResetPasswordAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open)
    {
        var email = Email(arguments);
        if (arguments.Has("--link"))
        {
            if (arguments.Has("--password-stdin")) throw new UsageException("Give either --link or --password-stdin, not both.");
            await using var linkServices = await open(arguments);
            var link = await linkServices.GetRequiredService<Accounts>().CreateResetLinkAsync(email, AuditActor.CommandLine);
            if (!link.Done) return Report(link, null);
            var baseUrl = (arguments.Value("--url") ?? WebApp.DefaultUrl).TrimEnd('/');
            Console.WriteLine(link.Message);
            Console.WriteLine($"{baseUrl}/Account/ResetPassword?token={link.Secret}");
            return CommandLine.Done;
        }
        var (password, generated) = ReadNewPassword(arguments);
        if (password is null) return CommandLine.Refused;
        await using var services = await open(arguments);
        return Report(await services.GetRequiredService<Accounts>().SetPasswordAsync(email, password, AuditActor.CommandLine), generated ? password : null);
    }

    private static async Task<int> ChangeAsync(Arguments arguments, Func<Arguments, Task<ServiceProvider>> open, Func<Accounts, string, Task<AccountOutcome>> change)
    {
        var email = Email(arguments);
        await using var services = await open(arguments);
        return Report(await change(services.GetRequiredService<Accounts>(), email), null);
    }

    private static int Report(AccountOutcome outcome, string? generatedPassword)
    {
        if (!outcome.Done)
        {
            Console.Error.WriteLine(outcome.Message);
            return CommandLine.Refused;
        }
        Console.WriteLine(outcome.Message);
        if (generatedPassword is not null)
            Console.WriteLine($"Password (shown only now; the person should change it on their account page): {generatedPassword}");
        if (outcome.Secret is not null) Console.WriteLine(outcome.Secret);
        return CommandLine.Done;
    }

    private static string Email(Arguments arguments) =>
        arguments.Value("--email") is { Length: > 0 } email && email.Contains('@')
            ? email.Trim()
            : throw new UsageException("Give the person's email address: --email name@example.org");

    private static IReadOnlyList<string> RolesOf(Arguments arguments, bool allowNone)
    {
        var words = arguments.Value("--role") is { } value ? new[] { value } : [];
        if (!Accounts.TryReadRoles(words, out var roles, out var problem)) throw new UsageException(problem!);
        if (roles.Count == 0 && !allowNone) throw new UsageException($"Give at least one role with --role: {CommunitySafety.Data.Model.Roles.Choices} (several with commas).");
        return roles;
    }

    /// <summary>
    /// The new password: one line of standard input with --password-stdin; else typed twice without echo on a terminal
    /// (empty to have one made); else, with no terminal, one is made and printed once.
    /// </summary>
    private static (string? Password, bool Generated) ReadNewPassword(Arguments arguments)
    {
        if (arguments.Has("--password-stdin"))
        {
            var line = Console.In.ReadLine();
            if (string.IsNullOrEmpty(line)) throw new UsageException("--password-stdin read no password: send it as one line on standard input.");
            return (line, false);
        }
        if (Console.IsInputRedirected) return (Secrets.NewPassword(), true);

        var first = ReadHidden("Password (at least 12 characters; press Enter alone to have one made): ");
        if (first.Length == 0) return (Secrets.NewPassword(), true);
        var second = ReadHidden("The same password again: ");
        if (first == second) return (first, false);
        Console.Error.WriteLine("The two passwords are not the same; nothing was changed.");
        return (null, false);
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }
}
