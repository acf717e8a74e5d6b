using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ZonePlanAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanHeight",
                table: "Zones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanWidth",
                table: "Zones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanX",
                table: "Zones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanY",
                table: "Zones",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlanHeight",
                table: "Zones");

            migrationBuilder.DropColumn(
                name: "PlanWidth",
                table: "Zones");

            migrationBuilder.DropColumn(
                name: "PlanX",
                table: "Zones");

            migrationBuilder.DropColumn(
                name: "PlanY",
                table: "Zones");
        }
    }
}
