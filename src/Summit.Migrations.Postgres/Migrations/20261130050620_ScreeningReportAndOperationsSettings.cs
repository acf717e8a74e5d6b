using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
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
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriticalAcknowledgeMinutes = table.Column<int>(type: "integer", nullable: false),
                    CriticalResolveMinutes = table.Column<int>(type: "integer", nullable: false),
                    HighAcknowledgeMinutes = table.Column<int>(type: "integer", nullable: false),
                    HighResolveMinutes = table.Column<int>(type: "integer", nullable: false),
                    MediumAcknowledgeMinutes = table.Column<int>(type: "integer", nullable: false),
                    MediumResolveMinutes = table.Column<int>(type: "integer", nullable: false),
                    LowAcknowledgeMinutes = table.Column<int>(type: "integer", nullable: false),
                    LowResolveMinutes = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentSlaSettings", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningSettings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThresholdCelsius = table.Column<double>(type: "double precision", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningSettings", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "SensorSilences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    SensorId = table.Column<Guid>(type: "uuid", nullable: false),
                    GateId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuietSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
