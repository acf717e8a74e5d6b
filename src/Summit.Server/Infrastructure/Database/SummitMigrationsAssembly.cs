using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Summit.Server.Infrastructure.Database;

/// <summary>
/// Reads a context's migrations from its provider's assembly, Summit.Migrations.Sqlite or .Postgres. EF's own reader keeps only
/// migrations whose <c>[DbContext]</c> is the context's exact type, which those assemblies cannot name: the server loads them,
/// so they cannot reference it (ADR 0025). Each holds one provider's migrations, so every migration in it is the context's.
/// </summary>
internal sealed class SummitMigrationsAssembly : IMigrationsAssembly
{
    private readonly IMigrationsIdGenerator _idGenerator;
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations;
    private readonly Lazy<ModelSnapshot?> _modelSnapshot;

    public SummitMigrationsAssembly(ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator)
    {
        var assemblyName = RelationalOptionsExtension.Extract(options).MigrationsAssembly
            ?? throw new InvalidOperationException($"{currentContext.Context.GetType().Name} names no migrations assembly.");
        Assembly = Assembly.Load(new AssemblyName(assemblyName));
        _idGenerator = idGenerator;
        var types = Assembly.DefinedTypes.Where(t => !t.IsAbstract).ToList();
        _migrations = new(() => new SortedDictionary<string, TypeInfo>(
            types.Where(t => t.IsSubclassOf(typeof(Migration))).ToDictionary(
                t => t.GetCustomAttribute<MigrationAttribute>()?.Id ?? throw new InvalidOperationException($"{t.FullName} has no [Migration] id.")),
            StringComparer.Ordinal));
        _modelSnapshot = new(() => types.Where(t => t.IsSubclassOf(typeof(ModelSnapshot))).Select(t => (ModelSnapshot)Activator.CreateInstance(t)!).SingleOrDefault());
    }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _modelSnapshot.Value;

    public Assembly Assembly { get; }

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(_idGenerator.IsValidId(nameOrId)
            ? id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            : id => string.Equals(_idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass)!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
