using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySafety.Data.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Areas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ImportMonths",
                table: "ImportMonths");

            migrationBuilder.DropIndex(
                name: "IX_ImportMonths_Month",
                table: "ImportMonths");

            migrationBuilder.DropIndex(
                name: "IX_Beats_Name",
                table: "Beats");

            migrationBuilder.AddColumn<int>(
                name: "AreaId",
                table: "ImportMonths",
                type: "INTEGER",
                nullable: false,
                defaultValue: Model.Area.HomeId);

            migrationBuilder.AddColumn<int>(
                name: "AreaId",
                table: "Beats",
                type: "INTEGER",
                nullable: false,
                defaultValue: Model.Area.HomeId);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ImportMonths",
                table: "ImportMonths",
                columns: new[] { "ImportId", "AreaId", "Month" });

            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false, collation: "NOCASE"),
                    IsHome = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Populations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Beat = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Population = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Populations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Populations_Imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "Imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComparisonGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberAreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ChosenBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComparisonGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComparisonGroups_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ComparisonGroups_Areas_MemberAreaId",
                        column: x => x.MemberAreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportMonths_AreaId_Month",
                table: "ImportMonths",
                columns: new[] { "AreaId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Beats_AreaId_Name",
                table: "Beats",
                columns: new[] { "AreaId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Areas_Name",
                table: "Areas",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComparisonGroups_AreaId_MemberAreaId",
                table: "ComparisonGroups",
                columns: new[] { "AreaId", "MemberAreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComparisonGroups_MemberAreaId",
                table: "ComparisonGroups",
                column: "MemberAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Populations_ImportId",
                table: "Populations",
                column: "ImportId");

            migrationBuilder.AddForeignKey(
                name: "FK_Beats_Areas_AreaId",
                table: "Beats",
                column: "AreaId",
                principalTable: "Areas",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ImportMonths_Areas_AreaId",
                table: "ImportMonths",
                column: "AreaId",
                principalTable: "Areas",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            AreasMigrationData.KeepExistingFactsInHomeArea(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Beats_Areas_AreaId",
                table: "Beats");

            migrationBuilder.DropForeignKey(
                name: "FK_ImportMonths_Areas_AreaId",
                table: "ImportMonths");

            migrationBuilder.DropTable(
                name: "ComparisonGroups");

            migrationBuilder.DropTable(
                name: "Populations");

            migrationBuilder.DropTable(
                name: "Areas");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ImportMonths",
                table: "ImportMonths");

            migrationBuilder.DropIndex(
                name: "IX_ImportMonths_AreaId_Month",
                table: "ImportMonths");

            migrationBuilder.DropIndex(
                name: "IX_Beats_AreaId_Name",
                table: "Beats");

            migrationBuilder.DropColumn(
                name: "AreaId",
                table: "ImportMonths");

            migrationBuilder.DropColumn(
                name: "AreaId",
                table: "Beats");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ImportMonths",
                table: "ImportMonths",
                columns: new[] { "ImportId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportMonths_Month",
                table: "ImportMonths",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_Beats_Name",
                table: "Beats",
                column: "Name",
                unique: true);
        }
    }
}
