using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FactSchema.News;
using Microsoft.Data.Sqlite;

namespace FactsApi;

/// <summary>What the list of stored fact sets shows of each.</summary>
/// <param name="Id">The fact set's id (<c>GET /factsets/{id}</c>).</param>
/// <param name="ReceivedAt">When it was stored (UTC).</param>
/// <param name="Headline">The headline of the article the facts are from.</param>
/// <param name="Actors">How many actors it names.</param>
/// <param name="Pledges">How many pledges it records.</param>
/// <param name="Quotes">How many quotes it records.</param>
public sealed record FactSetSummary(long Id, DateTimeOffset ReceivedAt, string Headline, int Actors, int Pledges, int Quotes);

/// <summary>
/// Fact sets in one SQLite file: each stored as the UTF-8 JSON the generated writer makes, read back through the generated
/// reader (so a row changed behind the API's back is an error, not a half-read value). The counts of the list are columns.
/// </summary>
public sealed class FactSetStore
{
    private readonly string _connectionString;

    /// <summary>A store in <paramref name="directory"/> (created if missing), file <c>facts.db</c>.</summary>
    public FactSetStore(string directory)
    {
        Directory.CreateDirectory(directory);
        DatabasePath = Path.Combine(directory, "facts.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS fact_sets (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                received_at TEXT NOT NULL,
                headline TEXT NOT NULL,
                actors INTEGER NOT NULL,
                pledges INTEGER NOT NULL,
                quotes INTEGER NOT NULL,
                json BLOB NOT NULL)
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>Stores a fact set; returns its id.</summary>
    public async Task<long> AddAsync(FactSet facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO fact_sets (received_at, headline, actors, pledges, quotes, json)
            VALUES ($received, $headline, $actors, $pledges, $quotes, $json)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$received", DateTimeOffset.UtcNow.ToString("O"));
        command.Parameters.AddWithValue("$headline", facts.Article.Headline);
        command.Parameters.AddWithValue("$actors", facts.Actors.Count);
        command.Parameters.AddWithValue("$pledges", facts.Pledges.Count);
        command.Parameters.AddWithValue("$quotes", facts.Quotes.Count);
        command.Parameters.AddWithValue("$json", facts.SerializeToUtf8Bytes());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The fact set with this id, read through the generated reader; null where there is none.</summary>
    public async Task<FactSet?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM fact_sets WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] json ? FactSet.Deserialize(json) : null;
    }

    /// <summary>Every stored fact set, newest first.</summary>
    public async Task<List<FactSetSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, received_at, headline, actors, pledges, quotes FROM fact_sets ORDER BY id DESC";
        var result = new List<FactSetSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new FactSetSummary(
                reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return result;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
