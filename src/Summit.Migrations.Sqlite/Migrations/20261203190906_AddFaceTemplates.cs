using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Sqlite
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
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FaceEnrolments",
                columns: table => new
                {
                    GuestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EncryptedTemplate = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: true),
                    Issues = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaceEnrolments", x => x.GuestId);
                });

            migrationBuilder.CreateTable(
                name: "FaceGatesOff",
                columns: table => new
                {
                    GateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaceGatesOff", x => x.GateId);
                });

            migrationBuilder.CreateTable(
                name: "FaceSettings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
