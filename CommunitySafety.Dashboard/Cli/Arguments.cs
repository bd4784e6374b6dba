namespace CommunitySafety.Dashboard.Cli;

/// <summary>A verb's words: positional values, and options given as "--name value" or "--flag".</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Positional { get; } = [];

    /// <summary>The words after the verb; <paramref name="flags"/> are the options that take no value.</summary>
    public static Arguments Parse(IEnumerable<string> words, params string[] flags)
    {
        var result = new Arguments();
        using var word = words.GetEnumerator();
        while (word.MoveNext())
        {
            var current = word.Current;
            if (!current.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(current);
                continue;
            }
            var equals = current.IndexOf('=');
            if (equals > 0)
            {
                result._options[current[..equals]] = current[(equals + 1)..];
                continue;
            }
            if (flags.Contains(current, StringComparer.OrdinalIgnoreCase))
            {
                result._options[current] = null;
                continue;
            }
            if (!word.MoveNext()) throw new UsageException($"The option {current} needs a value.");
            result._options[current] = word.Current;
        }
        return result;
    }

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Value(string option) => _options.GetValueOrDefault(option);

    public IEnumerable<string> OptionNames => _options.Keys;

    /// <summary>Refuses options the verb does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] known)
    {
        // Wherever a database can be named by a SQLite path, it can be named as a provider and a connection string.
        if (known.Contains("--db", StringComparer.OrdinalIgnoreCase)) known = [.. known, "--provider", "--connection"];
        var unknown = OptionNames.Where(o => !known.Contains(o, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option {string.Join(", ", unknown)}.");
    }
}

/// <summary>The command was not written right: exit code 2 with a sentence and the usage.</summary>
internal sealed class UsageException(string message) : Exception(message);
