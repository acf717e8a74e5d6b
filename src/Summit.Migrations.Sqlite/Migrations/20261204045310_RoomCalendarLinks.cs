using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoomCalendarLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CalendarLinkIssuedAt",
                table: "Rooms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarTokenHash",
                table: "Rooms",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CalendarLinkIssuedAt",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "CalendarTokenHash",
                table: "Rooms");
        }
    }
}
