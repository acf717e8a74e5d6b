using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddProgrammeReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReleasedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    SessionCount = table.Column<int>(type: "integer", nullable: false),
                    NoticeCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeReleases_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeReleases_EventId_Number",
                table: "ProgrammeReleases",
                columns: new[] { "EventId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeReleases");
        }
    }
}
