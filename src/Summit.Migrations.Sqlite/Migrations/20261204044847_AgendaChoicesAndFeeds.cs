using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Sqlite
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
                    GuestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleaseNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
