using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgendaChoicesAndFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeAgendaChoices",
                columns: table => new
                {
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleaseNumber = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeAgendaChoices", x => new { x.GuestId, x.SessionId });
                    table.ForeignKey(
                        name: "FK_ProgrammeAgendaChoices_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeAgendaFeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeAgendaFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeAgendaFeeds_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeAgendaChoices_EventId_SessionId",
                table: "ProgrammeAgendaChoices",
                columns: new[] { "EventId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeAgendaFeeds_EventId_GuestId",
                table: "ProgrammeAgendaFeeds",
                columns: new[] { "EventId", "GuestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeAgendaChoices");

            migrationBuilder.DropTable(
                name: "ProgrammeAgendaFeeds");
        }
    }
}
