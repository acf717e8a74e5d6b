using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScreeningReportAndOperationsSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncidentSlaSettings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriticalAcknowledgeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CriticalResolveMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    HighAcknowledgeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    HighResolveMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumAcknowledgeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumResolveMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LowAcknowledgeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LowResolveMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentSlaSettings", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningSettings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThresholdCelsius = table.Column<double>(type: "REAL", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningSettings", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "SensorSilences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SensorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuietSince = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SensorSilences", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SensorSilences_EventId",
                table: "SensorSilences",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_SensorSilences_SensorId_EndedAt",
                table: "SensorSilences",
                columns: new[] { "SensorId", "EndedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentSlaSettings");

            migrationBuilder.DropTable(
                name: "ScreeningSettings");

            migrationBuilder.DropTable(
                name: "SensorSilences");
        }
    }
}
