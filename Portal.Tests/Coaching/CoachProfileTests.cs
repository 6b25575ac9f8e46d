using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Coaching;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Coaching;

/// <summary>
/// Issue 10, point 5: a coach keeps their own profile (languages, districts, walk-in hours, how to reach them), and the
/// help page lists every coach's walk-in hours by language.
/// </summary>
[Collection(Db.Coaching)]
public sealed class CoachProfileTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_coach_saves_their_profile_and_a_mistake_comes_back_plainly_with_what_was_typed()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar"], ["Dukenburg"]);
        using var client = await TestCoaches.SignInAsync(fixture, fatima);
        (string, string)[] Profile(string phone, string place) =>
        [
            ("Input.Name", "فاطمة العمراني"), ("Input.Languages", "ar"), ("Input.Languages", "nl"), ("Input.Neighbourhoods", "Dukenburg"),
            ("Input.Gender", "Woman"), ("Input.Phone", phone), ("Input.WhatsApp", ""), ("Input.Email", ""), ("Input.Introduction", "أساعد بكل سرور 🌙"),
            ("Input.WalkIns[0].Place", place), ("Input.WalkIns[0].Address", "Meijhorst 60-06"), ("Input.WalkIns[0].When", "dinsdag 10–12 uur"),
        ];

        var (_, refused) = await client.SubmitAsync("/coach/profile", Profile("06 12", "Buurthuis De Schakel"));
        Assert.Contains("Een Nederlands nummer heeft 10 cijfers", refused, StringComparison.Ordinal);
        Assert.Contains("فاطمة العمراني", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        var (incomplete, _) = await client.SubmitAsync("/coach/profile", Profile("06 1234 5678", ""));
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        var (saved, _) = await client.SubmitAsync("/coach/profile", Profile("06 1234 5678", "Buurthuis De Schakel"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = fixture.Database.NewContext();
        var profile = await db.CoachProfiles.SingleAsync();
        Assert.Equal(("فاطمة العمراني", "+31612345678", "أساعد بكل سرور 🌙"), (profile.Name, profile.Phone, profile.Introduction));
        Assert.Equal(["ar", "nl"], profile.Languages);
        Assert.Equal("Buurthuis De Schakel", profile.WalkIns.Single().Place);
    }

    [Fact]
    public async Task The_help_page_lists_every_coachs_walk_in_hours_under_each_language_spoken_there()
    {
        await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar", "nl"], ["Dukenburg"]);
        await using (var db = fixture.Database.NewContext())
        {
            var team = (await db.CoachProfiles.SingleAsync()).CoachingOrganisationId;
            var yonas = await TestCoaches.CreateAsync(fixture, "yonas@example.org", "Yonas", ["ti"], [], organisation: team);
            var profile = await db.CoachProfiles.SingleAsync(p => p.UserId == yonas.Id);
            profile.Describe("Yonas", ["ti"], [], CoachGender.Man, null, null, null, null, [new WalkInHours("Bibliotheek Zuid", "Hatertseweg 100", "donderdag 19–21 uur")]);
            await db.SaveChangesAsync();
        }
        using var client = new FormClient(fixture.Factory);

        var (_, html) = await client.GetAsync("/help");

        var arabic = html.IndexOf("<h3 lang=\"ar\">العربية</h3>", StringComparison.Ordinal);
        var tigrinya = html.IndexOf("<h3 lang=\"ti\">ትግርኛ</h3>", StringComparison.Ordinal);
        Assert.True(arabic > 0 && tigrinya > arabic, "Arabic and Tigrinya each have their own list, in the answer languages' order");
        Assert.Contains("Buurthuis De Schakel", html[arabic..tigrinya], StringComparison.Ordinal);
        Assert.Contains("Bibliotheek Zuid", html[tigrinya..], StringComparison.Ordinal);
        Assert.DoesNotContain("Bibliotheek Zuid", html[arabic..tigrinya], StringComparison.Ordinal);
    }
}
