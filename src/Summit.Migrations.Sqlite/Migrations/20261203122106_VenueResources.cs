using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VenueResources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VenueEquipment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VenueEquipment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VenueEquipment_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Venues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Venues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Venues_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Building = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Floor = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TheatreCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassroomCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    BanquetCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    BoardroomCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Features = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AccessibilityNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    SetupMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TeardownMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rooms_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomBlockings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomBlockings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomBlockings_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SetupMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TeardownMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HolderKind = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpectedAttendance = table.Column<int>(type: "INTEGER", nullable: false),
                    Layout = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomBookings_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoomBookings_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomBookingEquipment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EquipmentItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomBookingEquipment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomBookingEquipment_RoomBookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "RoomBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoomBookingEquipment_VenueEquipment_EquipmentItemId",
                        column: x => x.EquipmentItemId,
                        principalTable: "VenueEquipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBlockings_RoomId_From",
                table: "RoomBlockings",
                columns: new[] { "RoomId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookingEquipment_BookingId_EquipmentItemId",
                table: "RoomBookingEquipment",
                columns: new[] { "BookingId", "EquipmentItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookingEquipment_EquipmentItemId",
                table: "RoomBookingEquipment",
                column: "EquipmentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookings_EventId_BlockedFrom",
                table: "RoomBookings",
                columns: new[] { "EventId", "BlockedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomBookings_RoomId_State_BlockedFrom",
                table: "RoomBookings",
                columns: new[] { "RoomId", "State", "BlockedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_VenueId_Code",
                table: "Rooms",
                columns: new[] { "VenueId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VenueEquipment_EventId_NameEn",
                table: "VenueEquipment",
                columns: new[] { "EventId", "NameEn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Venues_EventId_NameEn",
                table: "Venues",
                columns: new[] { "EventId", "NameEn" },
                unique: true);

            // A confirmed booking is never overlapped (docs/adr/0027): SQLite has no exclusion constraint, so two triggers refuse a confirmed
            // row ("State" 1 is BookingState.Confirmed) whose period, buffers included, overlaps another confirmed row of its room. Times are
            // UTC ticks here; SQLite's single writer runs the check and the write as one.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_RoomBookings_ConfirmedOverlap_Insert" BEFORE INSERT ON "RoomBookings"
                WHEN NEW."State" = 1 AND EXISTS (
                    SELECT 1 FROM "RoomBookings" AS b
                    WHERE b."RoomId" = NEW."RoomId" AND b."State" = 1 AND b."Id" <> NEW."Id"
                      AND b."BlockedFrom" < NEW."BlockedUntil" AND NEW."BlockedFrom" < b."BlockedUntil")
                BEGIN SELECT RAISE(ABORT, 'venues.confirmed_booking_overlap'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_RoomBookings_ConfirmedOverlap_Update" BEFORE UPDATE OF "RoomId", "State", "BlockedFrom", "BlockedUntil" ON "RoomBookings"
                WHEN NEW."State" = 1 AND EXISTS (
                    SELECT 1 FROM "RoomBookings" AS b
                    WHERE b."RoomId" = NEW."RoomId" AND b."State" = 1 AND b."Id" <> NEW."Id"
                      AND b."BlockedFrom" < NEW."BlockedUntil" AND NEW."BlockedFrom" < b."BlockedUntil")
                BEGIN SELECT RAISE(ABORT, 'venues.confirmed_booking_overlap'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"TR_RoomBookings_ConfirmedOverlap_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER \"TR_RoomBookings_ConfirmedOverlap_Update\";");

            migrationBuilder.DropTable(
                name: "RoomBlockings");

            migrationBuilder.DropTable(
                name: "RoomBookingEquipment");

            migrationBuilder.DropTable(
                name: "RoomBookings");

            migrationBuilder.DropTable(
                name: "VenueEquipment");

            migrationBuilder.DropTable(
                name: "Rooms");

            migrationBuilder.DropTable(
                name: "Venues");
        }
    }
}
