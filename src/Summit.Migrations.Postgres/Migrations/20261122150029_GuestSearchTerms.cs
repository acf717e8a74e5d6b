using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GuestSearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Guests");

            migrationBuilder.CreateTable(
                name: "GuestSearchTerms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuestSearchTerms", x => new { x.Term, x.GuestId });
                    table.ForeignKey(
                        name: "FK_GuestSearchTerms_Guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "Guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuestSearchTerms_GuestId",
                table: "GuestSearchTerms",
                column: "GuestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuestSearchTerms");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Guests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");
        }
    }
}
