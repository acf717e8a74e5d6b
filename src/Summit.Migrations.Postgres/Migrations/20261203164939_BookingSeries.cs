using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BookingSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SeriesId",
                table: "RoomBookings",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RoomBookingSeries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HolderKind = table.Column<int>(type: "integer", nullable: false),
                    HolderId = table.Column<Guid>(type: "uuid", nullable: true),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpectedAttendance = table.Column<int>(type: "integer", nullable: false),
                    Layout = table.Column<int>(type: "integer", nullable: false),
                    SetupMinutes = table.Column<int>(type: "integer", nullable: true),
                    TeardownMinutes = table.Column<int>(type: "integer", nullable: true),
                    Equipment = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    Weekdays = table.Column<int>(type: "integer", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomBookingSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomBookingSeries_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoomBookingSeries_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomBookingSeriesSkips",
                columns: table => new
                {
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Conflicts = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SkippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomBookingSeriesSkips", x => new { x.SeriesId, x.Date });
                    table.ForeignKey(
                        name: "FK_RoomBookingSeriesSkips_RoomBookingSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "RoomBookingSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookings_EventId_State_BlockedFrom_BlockedUntil",
                table: "RoomBookings",
                columns: new[] { "EventId", "State", "BlockedFrom", "BlockedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookings_SeriesId_StartsAt",
                table: "RoomBookings",
                columns: new[] { "SeriesId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookingSeries_EventId_RoomId",
                table: "RoomBookingSeries",
                columns: new[] { "EventId", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookingSeries_RoomId",
                table: "RoomBookingSeries",
                column: "RoomId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoomBookingSeriesSkips");

            migrationBuilder.DropTable(
                name: "RoomBookingSeries");

            migrationBuilder.DropIndex(
                name: "IX_RoomBookings_EventId_State_BlockedFrom_BlockedUntil",
                table: "RoomBookings");

            migrationBuilder.DropIndex(
                name: "IX_RoomBookings_SeriesId_StartsAt",
                table: "RoomBookings");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "RoomBookings");
        }
    }
}
