using Microsoft.EntityFrameworkCore;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// Databases made before the migrations moved into Summit.Migrations.Sqlite and .Postgres (docs/adr/0025) list these ids in
/// __EFMigrationsHistory: a migration renamed, removed or put among them would leave such a database unable to migrate.
/// </summary>
public class MigrationHistoryTests(SummitFactory factory) : IClassFixture<SummitFactory>
{
    private static readonly string[] SqliteIds =
    [
        "20261122132807_Initial", "20261122150008_GuestSearchTerms", "20261129223706_Access", "20261129231425_CredentialMail",
        "20261130021052_Incidents", "20261130021241_ZonePlanAreas", "20261130032308_InfraredScreening",
        "20261130050610_ScreeningReportAndOperationsSettings", "20261202150115_ZoneCapacityLimit", "20261202151303_ClosingReportInTime",
        "20261202154932_PrivacyRetention", "20261202161929_ScanDeviceReason", "20261202191415_ScanCategoryKept", "20261203030006_VenueNameZh",
    ];

    private static readonly string[] PostgresIds =
    [
        "20261122132821_Initial", "20261122150029_GuestSearchTerms", "20261129223900_Access", "20261129231447_CredentialMail",
        "20261130021252_ZonePlanAreas", "20261130021337_Incidents", "20261130032318_InfraredScreening",
        "20261130050620_ScreeningReportAndOperationsSettings", "20261202150127_ZoneCapacityLimit", "20261202151319_ClosingReportInTime",
        "20261202155217_PrivacyRetention", "20261202162002_ScanDeviceReason", "20261202191427_ScanCategoryKept", "20261203030010_VenueNameZh",
    ];

    [Fact]
    public void The_SQLite_migrations_begin_with_the_ids_that_existing_databases_hold()
    {
        using var db = MigrationContexts.Sqlite("Data Source=:memory:");
        Assert.Equal(SqliteIds, db.Database.GetMigrations().Take(SqliteIds.Length));
    }

    [Fact]
    public void The_PostgreSQL_migrations_begin_with_the_ids_that_existing_databases_hold()
    {
        using var db = MigrationContexts.Postgres("Host=127.0.0.1");
        Assert.Equal(PostgresIds, db.Database.GetMigrations().Take(PostgresIds.Length));
    }

    [Fact]
    public async Task A_migrated_database_opened_again_has_every_migration_applied_and_none_pending()
    {
        // The factory's server migrated its database at start; this is a second, separate context on it.
        await using var db = factory.IsPostgres ? (DbContext)MigrationContexts.Postgres(factory.DatabaseSetting) : MigrationContexts.Sqlite(factory.DatabaseSetting);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
