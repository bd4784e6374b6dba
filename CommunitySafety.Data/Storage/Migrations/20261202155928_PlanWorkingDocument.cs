using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySafety.Data.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PlanWorkingDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ClosedThrough",
                table: "PlanYears",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "PlanPriorities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "PlanObjectives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LinksConfirmed",
                table: "PlanHeadlineIndicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Deadline",
                table: "PlanActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedPlans",
                table: "PlanActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LinksConfirmed",
                table: "PlanActions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "PlanActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "OpccProjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    CarriedOver = table.Column<bool>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionProgress_PlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false, collation: "NOCASE"),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanEdits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanEdits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanEdits_PlanYears_PlanYearId",
                        column: x => x.PlanYearId,
                        principalTable: "PlanYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureValues_PartnershipMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PartnershipMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionProgress_ActionId_Quarter_Version",
                table: "ActionProgress",
                columns: new[] { "ActionId", "Quarter", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureValues_MeasureId_StartYear_Quarter",
                table: "MeasureValues",
                columns: new[] { "MeasureId", "StartYear", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMeasures_Name",
                table: "PartnershipMeasures",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanEdits_PlanYearId_Item_ItemId",
                table: "PlanEdits",
                columns: new[] { "PlanYearId", "Item", "ItemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionProgress");

            migrationBuilder.DropTable(
                name: "MeasureValues");

            migrationBuilder.DropTable(
                name: "PlanEdits");

            migrationBuilder.DropTable(
                name: "PartnershipMeasures");

            migrationBuilder.DropColumn(
                name: "ClosedThrough",
                table: "PlanYears");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "PlanPriorities");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "PlanObjectives");

            migrationBuilder.DropColumn(
                name: "LinksConfirmed",
                table: "PlanHeadlineIndicators");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "LinkedPlans",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "LinksConfirmed",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "PlanActions");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "OpccProjects");
        }
    }
}
