using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Insights;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Sqlite;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Core.Tests.Ingestion;

/// <summary>The real core services over a temp seeds folder and a temp database: a SQLite file, or
/// a PostgreSQL database of its own on the server of <see cref="PostgresTestDatabase.Variable"/>.</summary>
public sealed class IngestionHarness : IDisposable
{
    private const string ProviderKey = DatabaseOptions.ProviderKey;

    private const string ConnectionStringKey = DatabaseOptions.ConnectionStringKey;

    public static readonly string RealSeed = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "Seeds", "000_77fc480992936622.txt");

    private readonly TempFolder _temp = new();
    private readonly ServiceProvider _services;
    private readonly PostgresTestDatabase? _postgres;

    /// <param name="settings">Configuration over the defaults; <see cref="StorageSettings"/> of
    /// another harness opens that harness's database again.</param>
    /// <param name="engine">The engine; on PostgreSQL a new database unless the settings name one.</param>
    public IngestionHarness(IReadOnlyDictionary<string, string?>? settings = null, StorageEngine engine = StorageEngine.Sqlite)
    {
        Directory.CreateDirectory(SeedsPath);
        settings ??= new Dictionary<string, string?>();
        var values = new Dictionary<string, string?>
        {
            ["NewsDigest:SeedsPath"] = SeedsPath,
            ["NewsDigest:DatabasePath"] = DatabasePath,
        };
        if (engine == StorageEngine.Postgres && !settings.ContainsKey(ConnectionStringKey))
        {
            _postgres = new PostgresTestDatabase();
            values[ProviderKey] = DatabaseOptions.Postgres;
            values[ConnectionStringKey] = _postgres.ConnectionString;
        }

        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        Engine = values.GetValueOrDefault(ProviderKey) == DatabaseOptions.Postgres ? StorageEngine.Postgres : StorageEngine.Sqlite;
        StorageSettings = new Dictionary<string, string?>
        {
            ["NewsDigest:DatabasePath"] = values["NewsDigest:DatabasePath"],
            [ProviderKey] = values.GetValueOrDefault(ProviderKey),
            [ConnectionStringKey] = values.GetValueOrDefault(ConnectionStringKey),
        };

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        _services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddNewsDigest(configuration)
            .BuildServiceProvider();
        Database.Migrate();
    }

    public string SeedsPath => _temp.Combine("seeds");

    public string DatabasePath => _temp.Combine("data", "test.db");

    public StorageEngine Engine { get; }

    /// <summary>The settings that point another harness at this one's database.</summary>
    public IReadOnlyDictionary<string, string?> StorageSettings { get; }

    public IDatabase Database => _services.GetRequiredService<IDatabase>();

    /// <summary>The SQLite engine's database, for tests of what only it does.</summary>
    public SqliteDatabase Sqlite => _services.GetRequiredService<SqliteDatabase>();

    public IArticleReader Articles => _services.GetRequiredService<IArticleReader>();

    public ArticleListing Listing => _services.GetRequiredService<ArticleListing>();

    public InsightsReports Insights => _services.GetRequiredService<InsightsReports>();

    public IIngestionRuns Runs => _services.GetRequiredService<IIngestionRuns>();

    public ISourceFiles SourceFiles => _services.GetRequiredService<ISourceFiles>();

    public Ingester Ingester => _services.GetRequiredService<Ingester>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public string Write(string relativePath, string content) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = System.IO.Path.Combine(SeedsPath, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void CopyRealSeed() => File.Copy(RealSeed, System.IO.Path.Combine(SeedsPath, "000_77fc480992936622.txt"));

    /// <summary>Every file the ingestion log knows, read as the report reads them: one page that holds all.</summary>
    public IReadOnlyList<SourceFile> Files() => SourceFiles.Files(new SourceFileQuery { PageSize = int.MaxValue }).Items;

    /// <summary>Runs SQL that both engines understand and returns the first column of its first
    /// row: tests look at tables directly.</summary>
    public T Scalar<T>(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs SQL that both engines understand, behind ingestion's back.</summary>
    public void Execute(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public ScanReport Scan() => Ingester.ScanAsync().GetAwaiter().GetResult();

    private System.Data.Common.DbConnection OpenConnection()
    {
        if (_postgres is null && Engine == StorageEngine.Sqlite)
        {
            return Sqlite.Open();
        }

        var connection = new Npgsql.NpgsqlConnection(StorageSettings[ConnectionStringKey]);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        _services.Dispose();
        _postgres?.Dispose();
        _temp.Dispose();
    }

    /// <summary>A small but real-shaped digest.</summary>
    public static string Digest(string title, string industries = "医疗", string technologies = "大模型", string keywords = "人工智能", string? link = null, string? date = null, string text = "这是一篇关于人工智能在医疗领域应用的文章。大模型正在改变诊断流程。", string events = "1. **第一件事**：说明。\n\n2. **第二件事**：说明。") =>
        $"""
        标题: {title}
        链接: {link ?? "https://example.com/" + Uri.EscapeDataString(title)}
        {(date is null ? "" : "发布时间: " + date)}
        总结: {text}
        关键词: {keywords}
        AI技术: {technologies}
        行业: {industries}
        重大事件摘要: 文章讨论了以下事件：

        {events}
        """;
}
