using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Pages.Applications.Activity;

namespace Portal.Tests.Domain;

/// <summary>
/// The rules that pages used to check themselves, now in the domain (issue 8 §4), each with its test here: pages ask the
/// domain and show what it says.
/// </summary>
public sealed class ApplicationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Amina = Actor.Applicant(Guid.NewGuid());
    private static readonly IReadOnlyList<Scheme> Schemes = WithIds(DemoSchemes.Create(new DateOnly(2026, 3, 2)));
    private static readonly Scheme SamenDoen = Schemes.Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly Scheme Themabijeenkomsten = Schemes.Single(s => s.Slug == DemoSchemes.Themabijeenkomsten);

    // One draft per scheme.

    [Fact]
    public void Starting_again_for_the_same_scheme_opens_the_draft_there_is()
    {
        var group = CompleteGroup.For(Amina.UserId!.Value, Now);
        var first = Application.Start(group, SamenDoen, [], "nl", Amina, Now);

        var again = Application.Start(group, SamenDoen, [first], "nl", Amina, Now.AddMinutes(1));
        var otherScheme = Application.Start(group, Themabijeenkomsten, [first], "nl", Amina, Now.AddMinutes(1));

        Assert.Same(first, again);
        Assert.NotSame(first, otherScheme);
        Assert.Equal((group.Id, Themabijeenkomsten.Id, ApplicationStatus.Draft), (otherScheme.OrganisationId, otherScheme.SchemeId, otherScheme.Status));
    }

    [Fact]
    public void An_application_that_was_sent_is_no_draft_so_a_new_one_may_start()
    {
        var group = CompleteGroup.For(Amina.UserId!.Value, Now);
        var sent = Application.Start(group, SamenDoen, [], "nl", Amina, Now);
        Fill(sent);
        sent.Submit(SamenDoen, group, declarationAccepted: true, "NIJ-2026-00001", Amina, Now);

        var next = Application.Start(group, SamenDoen, [sent], "nl", Amina, Now.AddDays(1));

        Assert.NotSame(sent, next);
        Assert.Equal(ApplicationStatus.Draft, next.Status);
    }

    [Fact]
    public void Another_organisations_draft_is_not_ours()
    {
        var ours = CompleteGroup.For(Amina.UserId!.Value, Now);
        var theirs = CompleteGroup.For(Guid.NewGuid(), Now);
        var theirDraft = Application.Start(theirs, SamenDoen, [], "nl", Actor.Applicant(Guid.NewGuid()), Now);

        Assert.NotSame(theirDraft, Application.Start(ours, SamenDoen, [theirDraft], "nl", Amina, Now));
    }

    // Organisation completeness for start and submit.

    [Fact]
    public void An_incomplete_profile_cannot_start_an_application()
    {
        var half = new Organisation("Jongeren Dukenburg", OrganisationKind.InformalGroup, Amina, Now);

        Assert.Equal("Application.Start.OrganisationIncomplete",
            Assert.Throws<DomainException>(() => Application.Start(half, SamenDoen, [], "nl", Amina, Now)).MessageKey);
    }

    [Fact]
    public void A_closed_scheme_cannot_be_started()
    {
        var group = CompleteGroup.For(Amina.UserId!.Value, Now);
        // Seeded a year ago: Samen Doen closed at the end of August 2025.
        var lastYears = WithIds(DemoSchemes.Create(new DateOnly(2025, 2, 1))).Single(s => s.Slug == DemoSchemes.SamenDoen);

        Assert.Equal("Application.Start.Closed",
            Assert.Throws<DomainException>(() => Application.Start(group, lastYears, [], "nl", Amina, Now)).MessageKey);
    }

    [Fact]
    public void An_application_whose_profile_became_incomplete_cannot_be_submitted()
    {
        var group = new Organisation("Jongeren Dukenburg", OrganisationKind.InformalGroup, Amina, Now);
        group.Describe(OrganisationKind.InformalGroup, null, "Dukenburg", null, null, true, Amina, Now);
        var application = new Application(group.Id, SamenDoen.Id, "nl", Amina, Now);
        Fill(application);

        var refused = Assert.Throws<DomainException>(() => application.Submit(SamenDoen, group, true, "NIJ-2026-00001", Amina, Now));

        Assert.Equal("Check.Missing.Organisation", refused.MessageKey);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Throws<ArgumentException>(() => application.Submit(SamenDoen, CompleteGroup.For(Guid.NewGuid(), Now), true, "NIJ-2026-00001", Amina, Now));
    }

    // A start date with an end date.

    [Fact]
    public void An_end_date_needs_a_start_date()
    {
        var application = new Application(Guid.NewGuid(), SamenDoen.Id, "nl", Amina, Now);

        var refused = Assert.Throws<DomainException>(() =>
            application.DescribeActivity("Kookavond", null, null, null, null, null, new DateOnly(2026, 6, 14), null, Amina, Now));

        Assert.Equal("Activity.Dates.StartMissing", refused.MessageKey);
        Assert.Null(application.EndsOn);
        application.DescribeActivity("Kookavond", null, null, null, null, new DateOnly(2026, 6, 14), null, null, Amina, Now);
        Assert.Equal(new DateOnly(2026, 6, 14), application.StartsOn);
    }

    // Answer lengths, written once.

    public static TheoryData<string> QuestionsWithALimit() => [.. QuestionKey.All.Where(q => q.MaxLength is not null).Select(q => q.Value)];

    [Theory]
    [MemberData(nameof(QuestionsWithALimit))]
    public void An_answer_of_the_longest_length_is_taken_and_one_character_more_is_refused(string question)
    {
        var key = QuestionKey.Parse(question)!;
        var longest = new string('a', key.MaxLength!.Value);

        Answer(new Application(Guid.NewGuid(), SamenDoen.Id, "nl", Amina, Now), key, longest);
        var refused = Assert.Throws<DomainException>(() => Answer(new Application(Guid.NewGuid(), SamenDoen.Id, "nl", Amina, Now), key, longest + "a"));

        Assert.Equal("Answer.TooLong", refused.MessageKey);
    }

    [Fact]
    public void The_page_and_the_database_take_their_longest_answers_from_the_question_keys()
    {
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql("Host=unused").Options);
        var application = db.Model.FindEntityType(typeof(Application))!;
        var budgetLine = db.Model.FindEntityType(typeof(BudgetLine))!;

        foreach (var page in ActivityQuestion.All) Assert.Equal(page.Identity.MaxLength, page.MaxLength);
        Assert.Equal(QuestionKey.Title.MaxLength, application.FindProperty(nameof(Application.Title))!.GetMaxLength());
        Assert.Equal(QuestionKey.Description.MaxLength, application.FindProperty(nameof(Application.Description))!.GetMaxLength());
        Assert.Equal(QuestionKey.ForWhom.MaxLength, application.FindProperty(nameof(Application.ForWhom))!.GetMaxLength());
        Assert.Equal(QuestionKey.HowOthersJoin.MaxLength, application.FindProperty(nameof(Application.HowOthersJoin))!.GetMaxLength());
        Assert.Equal(QuestionKey.Costs.MaxLength, budgetLine.FindProperty(nameof(BudgetLine.Description))!.GetMaxLength());
    }

    [Fact]
    public void Every_question_has_one_key_and_finds_it_again()
    {
        Assert.Equal(QuestionKey.All.Count, QuestionKey.All.Select(q => q.Value).Distinct().Count());
        Assert.All(QuestionKey.All, q => Assert.Same(q, QuestionKey.Parse(q.Value)));
        Assert.Null(QuestionKey.Parse("activity.<script>"));
        Assert.Equal(ActivityQuestion.All.Select(q => q.Slug), QuestionKey.Activity.Select(q => q.Name));
    }

    // Allowed attachment kinds.

    [Theory]
    [InlineData(1_000, DocumentKind.BudgetPlan, false)]
    [InlineData(1_000, DocumentKind.Other, false)]
    [InlineData(1_500, DocumentKind.BudgetPlan, true)]
    [InlineData(1_500, DocumentKind.ActivityPlan, true)]
    [InlineData(1_500, DocumentKind.Other, false)]
    public void Only_the_documents_the_scheme_asks_for_at_the_amount_may_be_attached(long euros, DocumentKind kind, bool taken)
    {
        var application = new Application(Guid.NewGuid(), SamenDoen.Id, "nl", Amina, Now);
        application.AddCost(CostCategory.RoomHire, "Zaal", Money.FromEuros(euros), Amina, Now);

        Assert.Equal(taken, application.TakesAttachment(SamenDoen, kind));
        if (taken)
        {
            application.Attach(SamenDoen, kind, "plan.pdf", "application/pdf", 10, Amina, Now);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => application.Attach(SamenDoen, kind, "plan.pdf", "application/pdf", 10, Amina, Now));
            Assert.Equal("Attachment.Error.Kind", refused.MessageKey);
            Assert.Empty(application.Attachments);
        }
    }

    // Invitation limits.

    [Theory]
    [InlineData(0, 0, 0, null)]
    [InlineData(9, 9, 2, null)]
    [InlineData(10, 0, 0, "Invite.TooMany")]
    [InlineData(0, 10, 0, "Invite.TooMany.Group")]
    [InlineData(0, 0, 3, "Invite.TooMany.Address")]
    [InlineData(10, 10, 3, "Invite.TooMany")] // the person's own limit is named first
    public void Invitations_stop_at_ten_a_day_per_person_and_per_group_and_three_per_address(int byInviter, int byGroup, int toAddress, string? key)
    {
        var reached = InvitationLimits.Reached(new InvitationLimits.SentLastDay(byInviter, byGroup, toAddress));

        Assert.Equal(key, reached?.Key);
        if (reached is { } limit) Assert.Equal(key == "Invite.TooMany.Address" ? 3 : 10, limit.Limit);
    }

    [Fact]
    public void The_same_inbox_is_the_same_address_whatever_its_case() =>
        Assert.Equal(InvitationLimits.Address("amina@example.org"), InvitationLimits.Address(" Amina@Example.ORG "));

    private static void Fill(Application application)
    {
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 20, "Zuid/Hatert", new DateOnly(2026, 6, 12), null, "Posters",
            Amina, Now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), Amina, Now);
    }

    private static void Answer(Application application, QuestionKey key, string text)
    {
        if (key == QuestionKey.Costs)
        {
            application.AddCost(CostCategory.Other, text, Money.FromEuros(10), Amina, Now);
            return;
        }
        application.DescribeActivity(
            key == QuestionKey.Title ? text : null, key == QuestionKey.Description ? text : null, key == QuestionKey.ForWhom ? text : null,
            null, null, null, null, key == QuestionKey.HowOthersJoin ? text : null, Amina, Now);
    }

    /// <summary>Demo schemes as the database numbers them, so applications of two schemes differ.</summary>
    private static IReadOnlyList<Scheme> WithIds(IReadOnlyList<Scheme> schemes)
    {
        var id = typeof(Scheme).GetProperty(nameof(Scheme.Id))!;
        for (var i = 0; i < schemes.Count; i++) id.SetValue(schemes[i], i + 1);
        return schemes;
    }
}
