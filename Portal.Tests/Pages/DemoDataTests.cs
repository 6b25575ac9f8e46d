using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Data;
using Portal.Domain.Schemes;
using Portal.Pages.Schemes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// The demo data (make run) must not expire: a newcomer who starts the portal a year after the database was seeded
/// still finds "Samen Doen" open and can apply. In Production start-up never moves a closing date.
/// </summary>
[Collection(Db.Applications)]
public sealed class DemoDataTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seeding_again_a_year_later_opens_the_demo_schemes_again_without_adding_any()
    {
        await SeedAsync(new MovableClock(), Environments.Development);
        var yearLater = new MovableClock { Ahead = TimeSpan.FromDays(366) };

        await SeedAsync(yearLater, Environments.Development);

        await using var db = fixture.Database.NewContext();
        var schemes = await db.Schemes.ToListAsync();
        Assert.Equal(3, schemes.Count);
        var today = SchemeCatalogue.Today(yearLater);
        var samenDoen = schemes.Single(s => s.Slug == DemoSchemes.SamenDoen);
        Assert.True(samenDoen.IsOpenOn(today), $"Samen Doen closes on {samenDoen.ClosesOn}, the clock says {today}");
        Assert.True(samenDoen.ClosesOn >= today.AddMonths(5), "Open for months to come, not just today");
        Assert.All(schemes, s => Assert.True(s.IsOpenOn(today), $"{s.Slug} closes on {s.ClosesOn}"));
    }

    [Fact]
    public async Task A_scheme_still_open_keeps_its_closing_date()
    {
        await SeedAsync(new MovableClock(), Environments.Development);
        await using (var before = fixture.Database.NewContext())
        {
            var closesOn = (await before.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen)).ClosesOn;

            await SeedAsync(new MovableClock { Ahead = TimeSpan.FromDays(40) }, Environments.Development);

            await using var after = fixture.Database.NewContext();
            Assert.Equal(closesOn, (await after.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen)).ClosesOn);
        }
    }

    [Fact]
    public async Task In_production_a_closed_scheme_stays_closed()
    {
        await SeedAsync(new MovableClock(), Environments.Production);
        var yearLater = new MovableClock { Ahead = TimeSpan.FromDays(366) };

        await SeedAsync(yearLater, Environments.Production);

        await using var db = fixture.Database.NewContext();
        var samenDoen = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
        Assert.False(samenDoen.IsOpenOn(SchemeCatalogue.Today(yearLater)));
    }

    /// <summary>The seed as start-up runs it (DemoData.SeedAsync), with this clock, in this environment.</summary>
    private async Task SeedAsync(TimeProvider clock, string environment)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var host = new HostingEnvironment { EnvironmentName = environment, ApplicationName = "Portal", ContentRootPath = AppContext.BaseDirectory };
        var seed = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider, clock, (IHostEnvironment)host);
        await seed.SeedAsync();
    }
}
