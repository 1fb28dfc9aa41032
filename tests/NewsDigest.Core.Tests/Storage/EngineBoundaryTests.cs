using System.Reflection;
using System.Text.RegularExpressions;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Postgres;
using NewsDigest.Core.Storage.Sqlite;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Core.Tests.Storage;

/// <summary>
/// Only a storage engine's folder knows which engine it is: nothing outside Storage/Sqlite names a
/// Microsoft.Data.Sqlite type, nothing outside Storage/Postgres names Npgsql, nothing outside the
/// two uses Dapper or writes SQL, and no public signature outside an engine's namespace carries
/// its driver's types.
/// </summary>
public sealed partial class EngineBoundaryTests
{
    private static readonly string SqliteFolder = Path.Combine("src", "NewsDigest.Core", "Storage", "Sqlite") + Path.DirectorySeparatorChar;

    private static readonly string PostgresFolder = Path.Combine("src", "NewsDigest.Core", "Storage", "Postgres") + Path.DirectorySeparatorChar;

    [Fact]
    public void No_source_outside_an_engine_folder_names_its_driver_or_writes_sql()
    {
        var offences = new List<string>();
        foreach (var file in SourceFiles())
        {
            var relative = Path.GetRelativePath(Tools.RepositoryRoot, file);
            var inSqlite = relative.StartsWith(SqliteFolder, StringComparison.Ordinal);
            var inPostgres = relative.StartsWith(PostgresFolder, StringComparison.Ordinal);

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                // Comments may explain what an engine does; code may not do it.
                var code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('*') || code.StartsWith("@*", StringComparison.Ordinal))
                {
                    continue;
                }

                if ((!inSqlite && SqliteDriver().IsMatch(code))
                    || (!inPostgres && PostgresDriver().IsMatch(code))
                    || (!inSqlite && !inPostgres && (Dapper().IsMatch(code) || Sql().IsMatch(code))))
                {
                    offences.Add($"{relative}:{i + 1}: {code}");
                }
            }
        }

        Assert.True(offences.Count == 0, "Engine code outside its engine's folder:\n" + string.Join('\n', offences));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void The_scan_finds_what_it_looks_for(string engine)
    {
        // Each engine's folder is full of its driver and of SQL, so an empty scan result above means something.
        var folder = engine == "Sqlite" ? SqliteFolder : PostgresFolder;
        var driver = engine == "Sqlite" ? SqliteDriver() : PostgresDriver();
        var files = SourceFiles().Where(f => Path.GetRelativePath(Tools.RepositoryRoot, f).StartsWith(folder, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        Assert.Contains(files, f => File.ReadLines(f).Any(line => driver.IsMatch(line)));
        Assert.Contains(files, f => File.ReadLines(f).Any(line => Dapper().IsMatch(line)));
        Assert.Contains(files, f => File.ReadLines(f).Any(line => Sql().IsMatch(line)));
        Assert.DoesNotContain(files, f => File.ReadLines(f).Any(line => (engine == "Sqlite" ? PostgresDriver() : SqliteDriver()).IsMatch(line)));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void No_public_signature_outside_the_engine_namespace_carries_an_engine_type(string engine)
    {
        var (driver, engineNamespace) = engine == "Sqlite"
            ? (typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly, typeof(SqliteDatabase).Namespace!)
            : (typeof(Npgsql.NpgsqlConnection).Assembly, typeof(PostgresDatabase).Namespace!);
        var offences = typeof(IDatabase).Assembly.GetExportedTypes()
            .Where(type => type.Namespace != engineNamespace)
            .SelectMany(type => Signatures(type).Where(t => t.Assembly == driver || t.Namespace == engineNamespace).Select(t => $"{type.FullName}: {t.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(offences.Count == 0, "Engine types in public signatures:\n" + string.Join('\n', offences));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Tools.RepositoryRoot, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>Every type a public or protected member of <paramref name="type"/> takes or gives.</summary>
    private static IEnumerable<Type> Signatures(Type type)
    {
        const BindingFlags visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = new List<Type>();
        types.AddRange(type.GetInterfaces());
        if (type.BaseType is { } baseType)
        {
            types.Add(baseType);
        }

        foreach (var member in type.GetMembers(visible | BindingFlags.NonPublic).Where(IsVisible))
        {
            switch (member)
            {
                case MethodBase method:
                    types.AddRange(method.GetParameters().Select(p => p.ParameterType));
                    if (method is MethodInfo info)
                    {
                        types.Add(info.ReturnType);
                    }

                    break;
                case PropertyInfo property:
                    types.Add(property.PropertyType);
                    break;
                case FieldInfo field:
                    types.Add(field.FieldType);
                    break;
                case EventInfo @event:
                    types.Add(@event.EventHandlerType!);
                    break;
            }
        }

        return types.SelectMany(Unwrap);
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        EventInfo @event => @event.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        _ => false,
    };

    /// <summary>A type with its element and generic argument types (Task&lt;SqliteConnection&gt; names the connection).</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return inner;
            }
        }
    }

    [GeneratedRegex(@"Microsoft\.Data\.Sqlite|SQLitePCL|\bSqlite(Connection|Transaction|Command|Exception|DataReader)\b")]
    private static partial Regex SqliteDriver();

    [GeneratedRegex(@"\bNpgsql\w*|\bPostgresException\b")]
    private static partial Regex PostgresDriver();

    [GeneratedRegex(@"\bDapper\b")]
    private static partial Regex Dapper();

    [GeneratedRegex(@"\b(SELECT|INSERT INTO|DELETE FROM|CREATE (TABLE|INDEX|VIRTUAL TABLE|TRIGGER)|PRAGMA|ALTER TABLE|DROP TABLE)\b|\bUPDATE \w+ SET\b|\bMATCH\s+[$@:]")]
    private static partial Regex Sql();
}
