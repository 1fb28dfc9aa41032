using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// Brings the changes other nodes commit into this process: LISTENs on a connection of its own
/// (outside the pool, whose reset runs <c>UNLISTEN *</c>) for the version each batch sends, and reads
/// the data version every <see cref="CheckInterval"/> as well, in case a notification is missed. A
/// version newer than any this process has announced (its own commits included) is announced on
/// <see cref="DataChanges"/>. While the connection is lost nothing is heard, so after reconnecting
/// it announces a change whatever the version: every cache starts again from the database.
/// </summary>
public sealed class PostgresChangeListener : BackgroundService
{
    /// <summary>How often the data version is read when no notification comes.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly PostgresDataVersion _version;
    private readonly DataChanges _changes;
    private readonly ILogger<PostgresChangeListener>? _logger;

    public PostgresChangeListener(string connectionString, PostgresDatabase database, DataChanges changes, ILogger<PostgresChangeListener>? logger = null)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 5,
            ApplicationName = "newsdigest-listener",
        }.ConnectionString;
        _version = database.DataVersion;
        _changes = changes;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDataVersion.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (lost)
                {
                    _logger?.LogInformation("Listening for data changes again; every cached view starts again from the database");
                    lost = false;
                    _version.Advance(await CurrentVersion(connection, stoppingToken));
                    _changes.Announce(DataChange.Articles | DataChange.Report);
                }
                else if (_version.Seen < 0)
                {
                    // The first version this process sees: what it has cached so far was read
                    // from the database just now, so there is nothing to announce.
                    _version.Advance(await CurrentVersion(connection, stoppingToken));
                }
                else
                {
                    await Check(connection, stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(CheckInterval, stoppingToken))
                    {
                        await Check(connection, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or IOException or InvalidOperationException)
            {
                if (!lost)
                {
                    _logger?.LogWarning("Lost the connection that listens for data changes ({Reason}); reconnecting", e.Message.ReplaceLineEndings(" "));
                }

                lost = true;
                try
                {
                    await Task.Delay(ReconnectDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Heard(string payload)
    {
        if (long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && _version.Advance(version))
        {
            _changes.Announce(DataChange.Articles | DataChange.Report);
        }
    }

    private async Task Check(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        if (_version.Advance(await CurrentVersion(connection, stoppingToken)))
        {
            _changes.Announce(DataChange.Articles | DataChange.Report);
        }
    }

    private static async Task<long> CurrentVersion(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM data_version WHERE id = 1", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(stoppingToken), CultureInfo.InvariantCulture);
    }
}
