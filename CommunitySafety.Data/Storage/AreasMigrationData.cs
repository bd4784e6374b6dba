using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunitySafety.Data.Storage;

/// <summary>
/// The data the Areas migration moves, kept apart from the generated schema steps so that a regenerated migration
/// can call it again: every beat and import month stored before areas existed belongs to the home area (id 1). The
/// home area's name is the setting Area:Name, which a migration cannot read; it is written when the area is first used
/// (<see cref="AreaNames"/>), so the placeholder here is never shown.
/// </summary>
public static class AreasMigrationData
{
    public static void KeepExistingFactsInHomeArea(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"INSERT INTO Areas (Id, Name, IsHome) VALUES ({Area.HomeId}, '{AreaNames.HomePlaceholder}', 1);");
        migrationBuilder.Sql($"UPDATE Beats SET AreaId = {Area.HomeId};");
        migrationBuilder.Sql($"UPDATE ImportMonths SET AreaId = {Area.HomeId};");
    }
}
