using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddFaceFastLane : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FaceLane",
                table: "Scans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "FaceLead",
                table: "Scans",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Margin",
                table: "FaceSettings",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FastLane",
                table: "FaceEnrolments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "FaceLanes",
                columns: table => new
                {
                    GateId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaceLanes", x => x.GateId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaceEnrolments_EventId_FastLane",
                table: "FaceEnrolments",
                columns: new[] { "EventId", "FastLane" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaceLanes");

            migrationBuilder.DropIndex(
                name: "IX_FaceEnrolments_EventId_FastLane",
                table: "FaceEnrolments");

            migrationBuilder.DropColumn(
                name: "FaceLane",
                table: "Scans");

            migrationBuilder.DropColumn(
                name: "FaceLead",
                table: "Scans");

            migrationBuilder.DropColumn(
                name: "Margin",
                table: "FaceSettings");

            migrationBuilder.DropColumn(
                name: "FastLane",
                table: "FaceEnrolments");
        }
    }
}
