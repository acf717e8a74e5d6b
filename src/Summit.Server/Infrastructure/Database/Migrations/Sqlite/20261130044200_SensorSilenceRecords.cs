using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SensorSilenceRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "SensorSilences");
        }
    }
}
