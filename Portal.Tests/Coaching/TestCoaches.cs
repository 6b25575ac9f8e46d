using Portal.Domain.Accounts;
using Portal.Domain.Coaching;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Coaching;

/// <summary>Coaches for tests: an account in the Coach role with a second factor, and a profile under a coaching organisation.</summary>
public static class TestCoaches
{
    public sealed record TestCoach(Guid Id, string Email, string Name, string Key);

    public static async Task<TestCoach> CreateAsync(DatabaseFixture fixture, string email, string name, string[] languages,
        string[] districts, CoachGender gender = CoachGender.Woman, Guid? organisation = null, bool lead = false, string language = "nl")
    {
        var key = Totp.NewKey();
        var user = await TestAccounts.CreateAsync(fixture.Factory, email, Roles.Coach, language: language, authenticatorKey: key);
        await using var db = fixture.Database.NewContext();
        if (organisation is null)
        {
            var team = new CoachingOrganisation("Stichting Samen Sterk", CoachingOrganisationKind.SelfOrganisation);
            db.CoachingOrganisations.Add(team);
            organisation = team.Id;
        }
        var profile = new CoachProfile(user.Id, name, organisation.Value, lead);
        profile.Describe(name, languages, districts, gender, "06 1234 5001", null, email, null,
            [new WalkInHours("Buurthuis De Schakel", "Meijhorst 60-06", "dinsdag 10.00–12.00 uur")]);
        db.CoachProfiles.Add(profile);
        await db.SaveChangesAsync();
        return new TestCoach(user.Id, email, name, key);
    }

    public static async Task<FormClient> SignInAsync(DatabaseFixture fixture, TestCoach coach)
    {
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(coach.Email, TestAccounts.Password, coach.Key);
        return client;
    }
}
