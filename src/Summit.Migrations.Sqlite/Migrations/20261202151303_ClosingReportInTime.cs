using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosingReportInTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SensorRefusalCounts_SensorKey_Reason",
                table: "SensorRefusalCounts");

            migrationBuilder.AddColumn<long>(
                name: "Minute",
                table: "SensorRefusalCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "IncidentPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgeDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolveDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentPeriods_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The counters so far become one minute each, the minute of their last refusal: the best their totals allow.
            migrationBuilder.Sql("""
                UPDATE "SensorRefusalCounts" SET "Minute" = "LastAt" - ("LastAt" % 600000000);
                """);

            // Incidents so far get their current period; earlier periods of an incident reopened before this version were not kept.
            migrationBuilder.Sql("""
                INSERT INTO "IncidentPeriods" ("Id", "IncidentId", "Number", "StartedAt", "AcknowledgeDueAt", "ResolveDueAt", "AcknowledgedAt", "ResolvedAt")
                SELECT "Id", "Id", "ReopenCount", COALESCE("ReopenedAt", "CreatedAt"), "AcknowledgeDueAt", "ResolveDueAt", "AcknowledgedAt", "ResolvedAt"
                FROM "Incidents";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SensorRefusalCounts_Minute",
                table: "SensorRefusalCounts",
                column: "Minute");

            migrationBuilder.CreateIndex(
                name: "IX_SensorRefusalCounts_SensorKey_Reason_Minute",
                table: "SensorRefusalCounts",
                columns: new[] { "SensorKey", "Reason", "Minute" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeriods_IncidentId_Number",
                table: "IncidentPeriods",
                columns: new[] { "IncidentId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentPeriods");

            migrationBuilder.DropIndex(
                name: "IX_SensorRefusalCounts_Minute",
                table: "SensorRefusalCounts");

            migrationBuilder.DropIndex(
                name: "IX_SensorRefusalCounts_SensorKey_Reason_Minute",
                table: "SensorRefusalCounts");

            migrationBuilder.DropColumn(
                name: "Minute",
                table: "SensorRefusalCounts");

            migrationBuilder.CreateIndex(
                name: "IX_SensorRefusalCounts_SensorKey_Reason",
                table: "SensorRefusalCounts",
                columns: new[] { "SensorKey", "Reason" },
                unique: true);
        }
    }
}
