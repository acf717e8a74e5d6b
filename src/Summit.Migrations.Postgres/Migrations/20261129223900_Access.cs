using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Summit.Server.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Access : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessSettings",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventNumber = table.Column<long>(type: "bigint", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LateAfterSeconds = table.Column<int>(type: "integer", nullable: false),
                    PolicyVersion = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessSettings", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_AccessSettings_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CategoryNumbers",
                columns: table => new
                {
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryNumbers", x => x.CategoryId);
                });

            migrationBuilder.CreateTable(
                name: "EntryConflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    CredentialId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Zone = table.Column<int>(type: "integer", nullable: false),
                    FirstScanId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecondScanId = table.Column<Guid>(type: "uuid", nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryConflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonBlocks",
                columns: table => new
                {
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BlockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonBlocks", x => x.GuestId);
                });

            migrationBuilder.CreateTable(
                name: "Scans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scanner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Nonce = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: true),
                    GateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Zone = table.Column<int>(type: "integer", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    CredentialId = table.Column<Guid>(type: "uuid", nullable: true),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Admitted = table.Column<bool>(type: "boolean", nullable: false),
                    ScannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    Conflict = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    KeyId = table.Column<long>(type: "bigint", nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    EncryptedPrivateKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RotatedOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "ZonePresence",
                columns: table => new
                {
                    CredentialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Zone = table.Column<int>(type: "integer", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Inside = table.Column<bool>(type: "boolean", nullable: false),
                    LastEntryAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastExitAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DayStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EntriesInDay = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZonePresence", x => new { x.CredentialId, x.Zone });
                });

            migrationBuilder.CreateTable(
                name: "Zones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    AntiPassback = table.Column<int>(type: "integer", nullable: false),
                    ReentryMinutes = table.Column<int>(type: "integer", nullable: false),
                    DailyReset = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    MaxEntriesPerDay = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Zones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Zones_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<long>(type: "bigint", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryNumber = table.Column<int>(type: "integer", nullable: false),
                    ExtraZones = table.Column<long>(type: "bigint", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Credentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Credentials_SigningKeys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "SigningKeys",
                        principalColumn: "KeyId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CategoryZoneGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: true),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryZoneGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategoryZoneGrants_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Gates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Directions = table.Column<int>(type: "integer", nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Gates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Gates_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Gates_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonalZoneGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Change = table.Column<int>(type: "integer", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: true),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalZoneGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalZoneGrants_Zones_ZoneId",
                        column: x => x.ZoneId,
                        principalTable: "Zones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GateId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenPrefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeenAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateDevices_Gates_GateId",
                        column: x => x.GateId,
                        principalTable: "Gates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessSettings_EventNumber",
                table: "AccessSettings",
                column: "EventNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategoryNumbers_EventId_Number",
                table: "CategoryNumbers",
                columns: new[] { "EventId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategoryZoneGrants_CategoryId_ZoneId",
                table: "CategoryZoneGrants",
                columns: new[] { "CategoryId", "ZoneId" });

            migrationBuilder.CreateIndex(
                name: "IX_CategoryZoneGrants_EventId",
                table: "CategoryZoneGrants",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryZoneGrants_ZoneId",
                table: "CategoryZoneGrants",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_EventId_RevokedAt",
                table: "Credentials",
                columns: new[] { "EventId", "RevokedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_GuestId_Active",
                table: "Credentials",
                column: "GuestId",
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_GuestId_Sequence",
                table: "Credentials",
                columns: new[] { "GuestId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_KeyId",
                table: "Credentials",
                column: "KeyId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryConflicts_EventId_ResolvedAt",
                table: "EntryConflicts",
                columns: new[] { "EventId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EntryConflicts_FirstScanId_SecondScanId",
                table: "EntryConflicts",
                columns: new[] { "FirstScanId", "SecondScanId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GateDevices_GateId",
                table: "GateDevices",
                column: "GateId");

            migrationBuilder.CreateIndex(
                name: "IX_GateDevices_TokenHash",
                table: "GateDevices",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gates_EventId_Code",
                table: "Gates",
                columns: new[] { "EventId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gates_EventId_Number",
                table: "Gates",
                columns: new[] { "EventId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gates_ZoneId",
                table: "Gates",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalZoneGrants_EventId",
                table: "PersonalZoneGrants",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalZoneGrants_GuestId",
                table: "PersonalZoneGrants",
                column: "GuestId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalZoneGrants_ZoneId",
                table: "PersonalZoneGrants",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonBlocks_EventId",
                table: "PersonBlocks",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Scans_CredentialId_Zone_ScannedAt",
                table: "Scans",
                columns: new[] { "CredentialId", "Zone", "ScannedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_EventId_ScannedAt",
                table: "Scans",
                columns: new[] { "EventId", "ScannedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_GateId_ScannedAt",
                table: "Scans",
                columns: new[] { "GateId", "ScannedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_GuestId_ScannedAt",
                table: "Scans",
                columns: new[] { "GuestId", "ScannedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_Scanner_Nonce",
                table: "Scans",
                columns: new[] { "Scanner", "Nonce" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_Active",
                table: "SigningKeys",
                column: "Status",
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_ZonePresence_EventId_Zone_Inside",
                table: "ZonePresence",
                columns: new[] { "EventId", "Zone", "Inside" });

            migrationBuilder.CreateIndex(
                name: "IX_ZonePresence_GuestId",
                table: "ZonePresence",
                column: "GuestId");

            migrationBuilder.CreateIndex(
                name: "IX_Zones_EventId_Code",
                table: "Zones",
                columns: new[] { "EventId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Zones_EventId_Number",
                table: "Zones",
                columns: new[] { "EventId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessSettings");

            migrationBuilder.DropTable(
                name: "CategoryNumbers");

            migrationBuilder.DropTable(
                name: "CategoryZoneGrants");

            migrationBuilder.DropTable(
                name: "Credentials");

            migrationBuilder.DropTable(
                name: "EntryConflicts");

            migrationBuilder.DropTable(
                name: "GateDevices");

            migrationBuilder.DropTable(
                name: "PersonalZoneGrants");

            migrationBuilder.DropTable(
                name: "PersonBlocks");

            migrationBuilder.DropTable(
                name: "Scans");

            migrationBuilder.DropTable(
                name: "ZonePresence");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropTable(
                name: "Gates");

            migrationBuilder.DropTable(
                name: "Zones");
        }
    }
}
