using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Coaching;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Data;

/// <summary>
/// The demo coaches (issue 10, point 12; fictional names): Fatima (Arabic and Dutch, Dukenburg and Lindenholt, lead of a
/// migrant self-organisation), Yonas (Tigrinya and English, Oud-West and Nieuw-West, the municipality's team) and Ayşe
/// (Turkish and Dutch, Oost and Zuid), each with walk-in hours; a mothers' group whose fixed coach is Fatima; and open
/// requests of different ages, one overdue. Added once: when coaching organisations exist, nothing happens.
/// </summary>
public static class DemoCoaching
{
    public const string Fatima = "coach@portal.example", Yonas = "coach.yonas@portal.example", Ayse = "coach.ayse@portal.example";

    public static async Task SeedAsync(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
    {
        if (await db.CoachingOrganisations.AnyAsync()) return;
        var now = clock.GetUtcNow();
        var samenSterk = new CoachingOrganisation("Stichting Samen Sterk", CoachingOrganisationKind.SelfOrganisation);
        var gemeente = new CoachingOrganisation("Coachteam gemeente Nijmegen", CoachingOrganisationKind.Municipality);
        db.CoachingOrganisations.AddRange(samenSterk, gemeente);

        var fatima = await ProfileAsync(db, users, Fatima, "Fatima El Amrani", samenSterk.Id, lead: true, ["ar", "nl"], ["Dukenburg", "Lindenholt"],
            CoachGender.Woman, "06 1234 5001", "Ik ben moeder van drie en al tien jaar vrijwilliger in Dukenburg. Ik help graag met de begroting.",
            [new("Buurthuis De Schakel", "Meijhorst 60-06", "dinsdag 10.00–12.00 uur"), new("Moskee Al Fath", "Tolhuis 12-40", "vrijdag na het middaggebed")]);
        var yonas = await ProfileAsync(db, users, Yonas, "Yonas Tesfay", gemeente.Id, lead: false, ["ti", "en"], ["Oud-West", "Nieuw-West"],
            CoachGender.Man, "+31 6 1234 5002", "I came to Nijmegen in 2016 and coach the Eritrean youth football club.",
            [new("Bibliotheek Zuid", "Hatertseweg 100", "donderdag 19.00–21.00 uur")]);
        var ayse = await ProfileAsync(db, users, Ayse, "Ayşe Yılmaz", samenSterk.Id, lead: false, ["tr", "nl"], ["Oost", "Zuid"],
            CoachGender.Woman, "06 1234 5003", null,
            [new("Wijkcentrum Brakkenstein", "Driehuizerweg 285", "woensdag 13.30–15.30 uur")]);
        if (fatima is null || yonas is null || ayse is null) return;

        var mothers = new Organisation("Moedergroep Dukenburg", OrganisationKind.InformalGroup, Actor.System, now.AddDays(-60));
        mothers.Describe(OrganisationKind.InformalGroup, null, "Dukenburg/Meijhorst", "Samira", null, false, Actor.System, now.AddDays(-60));
        mothers.KeepCoach(fatima.UserId, now.AddDays(-30));
        db.Organisations.Add(mothers);

        var calendar = AtwCalendar.Netherlands;
        DateTimeOffset WorkingDaysAgo(int days)
        {
            var day = NijmegenTime.DayOf(now);
            for (var left = days; left > 0;)
            {
                day = day.AddDays(-1);
                if (calendar.IsWorkingDay(day)) left--;
            }
            return new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        }
        var scheme = new HelpOrigin($"/schemes/{DemoSchemes.SamenDoen}", DemoSchemes.SamenDoen);

        var hawa = new HelpRequest(scheme, HelpTopic.Budget, "Kan ik geld vragen voor eten bij ons buurtfeest?", HelpChannel.WhatsApp, "ar",
            ReachableAt.Evening, false, CoachGender.Woman, Requester.Anonymous("Hawa", "06 2345 6789", null), now.AddHours(-2), calendar);
        hawa.OfferTo([fatima.UserId], OfferReason.Match, now.AddHours(-2));

        var group = new HelpRequest(new HelpOrigin("/applications"), HelpTopic.FillingIn, null, HelpChannel.Visit, "nl",
            ReachableAt.Evening | ReachableAt.Weekend, false, CoachGender.NoPreference, Requester.Anonymous("Samira", "06 3456 7890", null),
            now.AddHours(-5), calendar, mothers.Id, mothers.Neighbourhood);
        group.OfferTo([fatima.UserId], OfferReason.FixedCoach, now.AddHours(-5));

        var meron = new HelpRequest(scheme, HelpTopic.WhichScheme, "Football day for young people. Which grant fits?", HelpChannel.Phone, "ti",
            ReachableAt.Afternoon, true, CoachGender.NoPreference, Requester.Anonymous("Meron", "+31 6 4567 8901", null), WorkingDaysAgo(1), calendar);
        meron.OfferTo([yonas.UserId], OfferReason.Match, WorkingDaysAgo(1));

        var selin = new HelpRequest(new HelpOrigin("/help"), HelpTopic.Documents, null, HelpChannel.WalkIn, "tr",
            ReachableAt.Morning, false, CoachGender.NoPreference, Requester.Anonymous("Selin", null, "selin@example.org"), WorkingDaysAgo(4), calendar);
        selin.OfferTo([ayse.UserId], OfferReason.Match, WorkingDaysAgo(4));
        selin.Claim(ayse.UserId, WorkingDaysAgo(3));

        foreach (var request in new[] { hawa, group, meron, selin })
        {
            foreach (var offer in request.Offers) offer.Notified(request.CreatedAt);
            db.HelpRequests.Add(request);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<CoachProfile?> ProfileAsync(PortalDbContext db, UserManager<PortalUser> users, string email, string name,
        Guid organisation, bool lead, string[] languages, string[] neighbourhoods, CoachGender gender, string phone, string? introduction,
        WalkInHours[] walkIns)
    {
        if (await users.FindByEmailAsync(email) is not { } user) return null;
        var profile = new CoachProfile(user.Id, name, organisation, lead);
        profile.Describe(name, languages, neighbourhoods, gender, phone, phone, email, introduction, walkIns);
        db.CoachProfiles.Add(profile);
        return profile;
    }
}
