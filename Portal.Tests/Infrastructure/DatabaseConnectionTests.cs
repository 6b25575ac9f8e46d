using Npgsql;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void The_portal_prepares_its_repeated_statements_and_skips_the_reset_unless_the_connection_string_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseConnection.Tuned("Host=127.0.0.1;Port=5432;Database=portal;Username=portal_app"));
        var own = new NpgsqlConnectionStringBuilder(DatabaseConnection.Tuned("Host=127.0.0.1;Database=portal;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(50, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.Equal("portal_app", tuned.Username);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.False(own.NoResetOnClose);
    }
}
