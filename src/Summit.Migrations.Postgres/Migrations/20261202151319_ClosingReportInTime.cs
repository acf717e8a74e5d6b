using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Minute",
                table: "SensorRefusalCounts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "IncidentPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgeDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolveDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                UPDATE "SensorRefusalCounts" SET "Minute" = date_trunc('minute', "LastAt");
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
