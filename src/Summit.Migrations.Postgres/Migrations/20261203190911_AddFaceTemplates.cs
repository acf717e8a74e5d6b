using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddFaceTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "FaceDistance",
                table: "Scans",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FaceEnrolments",
                columns: table => new
                {
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EncryptedTemplate = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: true),
                    Issues = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaceEnrolments", x => x.GuestId);
                });

            migrationBuilder.CreateTable(
                name: "FaceGatesOff",
                columns: table => new
                {
                    GateId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaceGatesOff", x => x.GateId);
                });

            migrationBuilder.CreateTable(
                name: "FaceSettings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    RetentionDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaceSettings", x => x.EventId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaceEnrolments_EventId_State",
                table: "FaceEnrolments",
                columns: new[] { "EventId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaceEnrolments");

            migrationBuilder.DropTable(
                name: "FaceGatesOff");

            migrationBuilder.DropTable(
                name: "FaceSettings");

            migrationBuilder.DropColumn(
                name: "FaceDistance",
                table: "Scans");
        }
    }
}
