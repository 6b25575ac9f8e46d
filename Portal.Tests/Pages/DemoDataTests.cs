using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// The README's walk with the demo accounts (issue 12, "Done when"): the approver approves "Huiswerkklas Hatert", the demo
    /// applicant's group; the decision reaches aanvrager@portal.example by email with the letter as a PDF and shows on her
    /// status page with the way to object; her other group's verlening asks for its light report.
    /// </summary>
    [Fact]
    public async Task The_README_walk_approval_reaches_the_demo_applicant_by_email_with_the_PDF_and_her_report_is_asked_for()
    {
        await SeedAsync(TimeProvider.System, Environments.Development);
        Guid huiswerkklas, kookclub;
        await using (var db = fixture.Database.NewContext())
        {
            Guid Of(string name) => (from a in db.Applications join o in db.Organisations on a.OrganisationId equals o.Id
                                      where o.Name == name select a.Id).Single();
            (huiswerkklas, kookclub) = (Of("Huiswerkklas Hatert"), Of("Kookclub Moeders Hatert"));
        }
        var approver = new FormClient(fixture.Factory);
        await approver.SignInWithCodeAsync("approver@portal.example", "Samen-doen-in-Nijmegen", "APPROVERDEMOKEY2APPROVERDEMOKEY2");

        var (approved, _) = await approver.SubmitAsync($"/review/applications/{huiswerkklas}/approval?handler=Approve");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, approved.StatusCode);
        var mail = await MailAsync("aanvrager@portal.example", "Besluit over uw aanvraag");
        var pdf = Assert.Single(mail.Message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        Assert.Contains("Het hele besluit zit als PDF bij deze e-mail.", mail.TextBody, StringComparison.Ordinal);
        var member = new FormClient(fixture.Factory);
        await member.SignInAsync("aanvrager@portal.example", "Samen-doen-in-Nijmegen");
        var (_, status) = await member.GetAsync($"/applications/{huiswerkklas}/status");
        Assert.Contains("Lees de brief met ons besluit", status, StringComparison.Ordinal);
        Assert.Contains($"/applications/{huiswerkklas}/objection", status, StringComparison.Ordinal);
        var (_, report) = await member.GetAsync($"/applications/{kookclub}/report");
        Assert.Contains("Vertel hoe het ging", report, StringComparison.Ordinal);
    }

    private async Task<ReceivedMail> MailAsync(string to, string subjectStart)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(100))
        {
            if (fixture.Smtp.To(to).FirstOrDefault(m => m.Subject.StartsWith(subjectStart, StringComparison.Ordinal)) is { } mail) return mail;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail \"{subjectStart}…\" to {to}.");
    }

    /// <summary>
    /// The seed as start-up runs it (DemoData.SeedAsync), with this clock, in this environment — in Development with the
    /// demo staff's authenticator keys from the portal's own appsettings.Development.json, the ones the README lists.
    /// </summary>
    private async Task SeedAsync(TimeProvider clock, string environment)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var host = new HostingEnvironment { EnvironmentName = environment, ApplicationName = "Portal", ContentRootPath = AppContext.BaseDirectory };
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile(environment == Environments.Development ? "appsettings.Development.json" : "appsettings.json").Build();
        var seed = ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider, clock, (IHostEnvironment)host, (IConfiguration)configuration);
        await seed.SeedAsync();
    }
}
