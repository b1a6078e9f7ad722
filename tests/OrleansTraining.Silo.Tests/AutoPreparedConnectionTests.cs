using Npgsql;

namespace OrleansTraining.Silo.Tests;

/// <summary>The silo's Orleans providers let the driver prepare their statements, unless the connection string decides.</summary>
public sealed class AutoPreparedConnectionTests
{
    [Fact]
    public void Without_a_setting_statements_run_twice_on_a_connection_are_prepared()
    {
        var builder = new NpgsqlConnectionStringBuilder(TrainingSilo.AutoPrepared("Host=db;Database=training"));

        Assert.Equal(32, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
        Assert.Equal("training", builder.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)] // e.g. behind a pooler in transaction mode
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    [InlineData("Host=db;Auto Prepare Min Usages=9", 0)] // a deliberate choice about preparing: the driver's default stays
    public void A_connection_string_that_sets_preparing_is_kept(string connectionString, int maxAutoPrepare)
    {
        var builder = new NpgsqlConnectionStringBuilder(TrainingSilo.AutoPrepared(connectionString));

        Assert.Equal(maxAutoPrepare, builder.MaxAutoPrepare);
    }
}
