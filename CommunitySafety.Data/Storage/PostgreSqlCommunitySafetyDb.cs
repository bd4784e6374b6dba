using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunitySafety.Data.Storage;

/// <summary>
/// The same database on PostgreSQL, with its own migrations (Migrations/PostgreSQL/). What differs is only what keeps
/// every figure identical to SQLite's: text compares and sorts byte by byte (SQLite's BINARY) except area and beat
/// names, which compare without case (SQLite's NOCASE); times are stored in UTC, as timestamptz requires.
/// </summary>
public sealed class PostgreSqlCommunitySafetyDb(DbContextOptions<PostgreSqlCommunitySafetyDb> options) : CommunitySafetyDb(options)
{
    /// <summary>A case-insensitive collation for names, created by the migrations.</summary>
    public const string NoCaseCollation = "nocase";

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.HasCollation(NoCaseCollation, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            if (property.DeclaringType.IsMappedToJson()) continue; // inside a JSON document: no column of its own
            property.SetCollation(property.GetCollation() == "NOCASE" ? NoCaseCollation : "C");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcOffsetConverter>();
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

    /// <summary>Times are kept in UTC throughout; one without a kind is taken as UTC.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc), v => v);
}
