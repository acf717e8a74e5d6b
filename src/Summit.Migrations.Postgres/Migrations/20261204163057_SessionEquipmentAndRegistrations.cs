using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionEquipmentAndRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InterpretationKitId",
                table: "ProgrammeSettings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RegistrationRequired",
                table: "ProgrammeSessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ProgrammeSessionEquipment",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSessionEquipment", x => new { x.SessionId, x.ItemId });
                    table.ForeignKey(
                        name: "FK_ProgrammeSessionEquipment_ProgrammeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ProgrammeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeSessionRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByStaff = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSessionRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeSessionRegistrations_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeSessionRegistrations_ProgrammeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ProgrammeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessionRegistrations_EventId_GuestId",
                table: "ProgrammeSessionRegistrations",
                columns: new[] { "EventId", "GuestId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessionRegistrations_SessionId_GuestId",
                table: "ProgrammeSessionRegistrations",
                columns: new[] { "SessionId", "GuestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessionRegistrations_SessionId_State_RegisteredAt",
                table: "ProgrammeSessionRegistrations",
                columns: new[] { "SessionId", "State", "RegisteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeSessionEquipment");

            migrationBuilder.DropTable(
                name: "ProgrammeSessionRegistrations");

            migrationBuilder.DropColumn(
                name: "InterpretationKitId",
                table: "ProgrammeSettings");

            migrationBuilder.DropColumn(
                name: "RegistrationRequired",
                table: "ProgrammeSessions");
        }
    }
}
