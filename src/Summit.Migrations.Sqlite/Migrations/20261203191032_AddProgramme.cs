using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeForums",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeForums", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeForums_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammePeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammePeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammePeople_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeSettings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultTravelMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredLanguages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSettings", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_ProgrammeSettings_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForumId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AbstractEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AbstractZh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinLink = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExpectedAttendance = table.Column<int>(type: "INTEGER", nullable: false),
                    Layout = table.Column<int>(type: "INTEGER", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeSessions_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeSessions_ProgrammeForums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "ProgrammeForums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeAvailability",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeAvailability", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeAvailability_ProgrammePeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "ProgrammePeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeRuleSettings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeRuleSettings", x => new { x.EventId, x.Rule });
                    table.ForeignKey(
                        name: "FK_ProgrammeRuleSettings_ProgrammeSettings_EventId",
                        column: x => x.EventId,
                        principalTable: "ProgrammeSettings",
                        principalColumn: "EventId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeTravelTimes",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstVenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondVenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeTravelTimes", x => new { x.EventId, x.FirstVenueId, x.SecondVenueId });
                    table.ForeignKey(
                        name: "FK_ProgrammeTravelTimes_ProgrammeSettings_EventId",
                        column: x => x.EventId,
                        principalTable: "ProgrammeSettings",
                        principalColumn: "EventId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeSessionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSessionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeSessionItems_ProgrammeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ProgrammeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeSessionParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtocolOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSessionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeSessionParticipants_ProgrammePeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "ProgrammePeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeSessionParticipants_ProgrammeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ProgrammeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeAvailability_PersonId",
                table: "ProgrammeAvailability",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeForums_EventId_TitleEn",
                table: "ProgrammeForums",
                columns: new[] { "EventId", "TitleEn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammePeople_EventId_GuestId",
                table: "ProgrammePeople",
                columns: new[] { "EventId", "GuestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessionItems_SessionId_Position",
                table: "ProgrammeSessionItems",
                columns: new[] { "SessionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessionParticipants_PersonId",
                table: "ProgrammeSessionParticipants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessionParticipants_SessionId_PersonId_Role",
                table: "ProgrammeSessionParticipants",
                columns: new[] { "SessionId", "PersonId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessions_BookingId",
                table: "ProgrammeSessions",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessions_EventId_ForumId",
                table: "ProgrammeSessions",
                columns: new[] { "EventId", "ForumId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSessions_ForumId",
                table: "ProgrammeSessions",
                column: "ForumId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeAvailability");

            migrationBuilder.DropTable(
                name: "ProgrammeRuleSettings");

            migrationBuilder.DropTable(
                name: "ProgrammeSessionItems");

            migrationBuilder.DropTable(
                name: "ProgrammeSessionParticipants");

            migrationBuilder.DropTable(
                name: "ProgrammeTravelTimes");

            migrationBuilder.DropTable(
                name: "ProgrammePeople");

            migrationBuilder.DropTable(
                name: "ProgrammeSessions");

            migrationBuilder.DropTable(
                name: "ProgrammeSettings");

            migrationBuilder.DropTable(
                name: "ProgrammeForums");
        }
    }
}
