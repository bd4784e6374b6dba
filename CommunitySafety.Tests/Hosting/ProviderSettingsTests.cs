using CommunitySafety.Dashboard.Hosting;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Storage;
using Microsoft.Extensions.Configuration;

namespace CommunitySafety.Tests.Hosting;

/// <summary>The provider is chosen by configuration alone; SQLite stays the default.</summary>
public sealed class ProviderSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private const string PostgreSql = "Host=db;Database=communitysafety;Username=dashboard";

    [Fact]
    public void Sqlite_is_the_default_and_postgresql_is_chosen_by_its_setting_and_connection_string()
    {
        var sqlite = Settings.From(Configuration());
        Assert.Equal(DatabaseProvider.Sqlite, sqlite.Provider);
        Assert.Equal(Settings.DefaultConnectionString, sqlite.ConnectionString);

        var postgreSql = Settings.From(Configuration(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:CommunitySafety", PostgreSql), ("Files:Folder", "/srv/shared")));
        Assert.Equal(DatabaseProvider.PostgreSql, postgreSql.Provider);
        Assert.Equal(PostgreSql, postgreSql.ConnectionString);
        Assert.Equal("/srv/shared", postgreSql.Files);
        Assert.Equal("/srv/shared/keys", KeyStorage.KeysFolder(Configuration(), postgreSql));
        Assert.Equal("/srv/keys", KeyStorage.KeysFolder(Configuration((KeyStorage.KeysFolderSetting, "/srv/keys")), postgreSql));
    }

    [Fact]
    public void The_command_lines_words_choose_over_the_settings_and_mistakes_are_said_in_a_sentence()
    {
        var chosen = Settings.From(Configuration(), provider: "postgresql", connection: PostgreSql);
        Assert.Equal((DatabaseProvider.PostgreSql, PostgreSql), (chosen.Provider, chosen.ConnectionString));

        Assert.Contains("--db is the path of a SQLite file", Assert.Throws<ArgumentException>(() =>
            Settings.From(Configuration(("Database:Provider", "PostgreSQL")), databasePath: "/tmp/x.db")).Message);
        Assert.Contains("PostgreSQL needs a connection string", Assert.Throws<ArgumentException>(() =>
            Settings.From(Configuration(("Database:Provider", "PostgreSQL")))).Message);
        Assert.Contains("use Sqlite or PostgreSQL", Assert.Throws<ArgumentException>(() =>
            Settings.From(Configuration(("Database:Provider", "Oracle")))).Message);
    }
}
