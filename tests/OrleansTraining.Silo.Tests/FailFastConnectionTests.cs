using Npgsql;

namespace OrleansTraining.Silo.Tests;

/// <summary>The timeouts the silo's Orleans providers connect with, so an unreachable database fails calls in seconds.</summary>
public sealed class FailFastConnectionTests
{
    [Fact]
    public void Without_timeouts_in_the_connection_string_the_short_ones_apply()
    {
        var builder = new NpgsqlConnectionStringBuilder(TrainingSilo.FailFast("Host=db;Database=training"));

        Assert.Equal(5, builder.Timeout);
        Assert.Equal(10, builder.CommandTimeout);
        Assert.Equal("db", builder.Host);
        Assert.Equal("training", builder.Database);
    }

    [Theory]
    [InlineData("Host=db;Timeout=20;Command Timeout=60")]
    [InlineData("Host=db;timeout=20;CommandTimeout=60")]
    public void Timeouts_the_connection_string_sets_are_kept(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(TrainingSilo.FailFast(connectionString));

        Assert.Equal(20, builder.Timeout);
        Assert.Equal(60, builder.CommandTimeout);
    }
}
