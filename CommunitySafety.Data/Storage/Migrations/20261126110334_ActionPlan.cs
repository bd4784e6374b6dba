using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySafety.Data.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ActionPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinancialYear = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    CrossCuttingPriorities = table.Column<string>(type: "TEXT", nullable: false),
                    BusinessAsUsual = table.Column<string>(type: "TEXT", nullable: false),
                    Allocation = table.Column<decimal>(type: "TEXT", nullable: false),
                    AllocationNote = table.Column<string>(type: "TEXT", nullable: true),
                    TranscriptionNotes = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanCommunicationItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", nullable: true),
                    Channels = table.Column<string>(type: "TEXT", nullable: true),
                    Owner = table.Column<string>(type: "TEXT", nullable: true),
                    Deadline = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanCommunicationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanCommunicationItems_PlanYears_PlanYearId",
                        column: x => x.PlanYearId,
                        principalTable: "PlanYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanPriorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    FocusAreas = table.Column<string>(type: "TEXT", nullable: false),
                    FocusNote = table.Column<string>(type: "TEXT", nullable: true),
                    LinksToOtherPlans = table.Column<string>(type: "TEXT", nullable: true),
                    Funding = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanPriorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanPriorities_PlanYears_PlanYearId",
                        column: x => x.PlanYearId,
                        principalTable: "PlanYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanHeadlineIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    MeasureNote = table.Column<string>(type: "TEXT", nullable: true),
                    Measures = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanHeadlineIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanHeadlineIndicators_PlanPriorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "PlanPriorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanObjectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    MeasureNote = table.Column<string>(type: "TEXT", nullable: true),
                    Measures = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanObjectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanObjectives_PlanPriorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "PlanPriorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SuccessMeasures = table.Column<string>(type: "TEXT", nullable: false),
                    Lead = table.Column<string>(type: "TEXT", nullable: true),
                    Funding = table.Column<string>(type: "TEXT", nullable: true),
                    FundingAmount = table.Column<decimal>(type: "TEXT", nullable: true),
                    MeasureNote = table.Column<string>(type: "TEXT", nullable: true),
                    Measures = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActions_PlanObjectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "PlanObjectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpccProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpccProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpccProjects_PlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "PlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OpccProjects_PlanYears_PlanYearId",
                        column: x => x.PlanYearId,
                        principalTable: "PlanYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuarterlyReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", nullable: true),
                    ActivitiesToDate = table.Column<string>(type: "TEXT", nullable: true),
                    SuccessMeasuresProposed = table.Column<string>(type: "TEXT", nullable: true),
                    SuccessToDate = table.Column<string>(type: "TEXT", nullable: true),
                    CostToDate = table.Column<decimal>(type: "TEXT", nullable: true),
                    CostBreakdown = table.Column<string>(type: "TEXT", nullable: true),
                    Rag = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterlyReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarterlyReturns_OpccProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "OpccProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpccProjects_ActionId",
                table: "OpccProjects",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_OpccProjects_PlanYearId",
                table: "OpccProjects",
                column: "PlanYearId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_ObjectiveId",
                table: "PlanActions",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanCommunicationItems_PlanYearId",
                table: "PlanCommunicationItems",
                column: "PlanYearId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanHeadlineIndicators_PriorityId",
                table: "PlanHeadlineIndicators",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanObjectives_PriorityId",
                table: "PlanObjectives",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanPriorities_PlanYearId",
                table: "PlanPriorities",
                column: "PlanYearId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanYears_FinancialYear",
                table: "PlanYears",
                column: "FinancialYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReturns_ProjectId_Quarter_Version",
                table: "QuarterlyReturns",
                columns: new[] { "ProjectId", "Quarter", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanCommunicationItems");

            migrationBuilder.DropTable(
                name: "PlanHeadlineIndicators");

            migrationBuilder.DropTable(
                name: "QuarterlyReturns");

            migrationBuilder.DropTable(
                name: "OpccProjects");

            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "PlanObjectives");

            migrationBuilder.DropTable(
                name: "PlanPriorities");

            migrationBuilder.DropTable(
                name: "PlanYears");
        }
    }
}
