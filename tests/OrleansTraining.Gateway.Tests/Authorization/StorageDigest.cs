using System.Text;
using Microsoft.Data.Sqlite;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>Every grain state's version in the SQLite store: any write to any grain changes it.</summary>
public static class StorageDigest
{
    public static async Task<string> ReadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type, grain_id, state_name, version FROM grain_state ORDER BY grain_type, grain_id, state_name";
        var text = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            text.Append(reader.GetString(0)).Append('/').Append(reader.GetString(1)).Append('/').Append(reader.GetString(2))
                .Append('=').Append(reader.GetInt64(3)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The digest once storage is quiet: a write an admitted request made may still be travelling between grains.
    /// Read every 50 ms until two reads agree, for at most 5 s.
    /// </summary>
    public static async Task<string> SettledAsync(string connectionString)
    {
        var digest = await ReadAsync(connectionString);
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(50);
            var again = await ReadAsync(connectionString);
            if (again == digest)
            {
                return digest;
            }

            digest = again;
        }

        return digest;
    }

    /// <summary>The rows that differ, for a readable failure.</summary>
    public static string Difference(string before, string after)
    {
        var old = before.Split('\n').ToHashSet(StringComparer.Ordinal);
        return string.Join(", ", after.Split('\n').Where(line => !old.Contains(line)).Take(5));
    }
}
