using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Data Protection keys (which protect sign-in cookies and antiforgery tokens) live in PostgreSQL, so a restarted
/// portal or another node behind the load balancer can read what this one protected.
/// </summary>
[Collection("db")]
public sealed class DataProtectionTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Purpose = "Portal.Tests.DataProtection";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task What_one_node_protected_another_node_on_the_same_database_can_read()
    {
        string protectedPayload;
        await using (var first = new PortalFactory(fixture.Database))
        {
            protectedPayload = first.Services.GetRequiredService<IDataProtectionProvider>()
                .CreateProtector(Purpose).Protect("sessie van Amina");
        }

        await using var second = new PortalFactory(fixture.Database);
        var unprotected = second.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(Purpose).Unprotect(protectedPayload);

        Assert.Equal("sessie van Amina", unprotected);
        await using var db = fixture.Database.NewContext();
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
        var key = Assert.Single(keys);
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
    }
}
