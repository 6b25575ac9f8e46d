using Portal.Applications;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Schemes;

namespace Portal.Tests.Domain;

/// <summary>The application's sections, budget and activity answers: what the task list and the budget page show.</summary>
public sealed class ApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);

    private static readonly Actor Me = Actor.Applicant(Guid.NewGuid());

    private static Application NewApplication() => new(Guid.NewGuid(), 1, "ar", Me, Now);

    private static void DescribeAll(Application application) =>
        application.DescribeActivity("Koken en praten", "Wij koken samen.", "Moeders uit Hatert", 25, "Zuid/Hatert",
            new DateOnly(2026, 6, 14), null, "Posters in het buurthuis", Me, Now);

    [Fact]
    public void A_new_application_is_a_draft_with_every_section_not_started_and_remembers_the_answer_language()
    {
        var application = NewApplication();

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal("ar", application.AnswerLanguage);
        Assert.Equal(SectionStatus.NotStarted, application.ActivityStatus);
        Assert.Equal(SectionStatus.NotStarted, application.BudgetStatus);
    }

    [Theory]
    [InlineData("so")]
    [InlineData("und")]
    public void The_answer_language_can_be_any_listed_language_or_another_one(string code)
    {
        var application = NewApplication();

        application.WriteAnswersIn(code, Me, Now.AddMinutes(5));

        Assert.Equal(code, application.AnswerLanguage);
        Assert.Equal(Now.AddMinutes(5), application.UpdatedAt);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("")]
    [InlineData("<script>")]
    public void An_answer_language_that_is_not_listed_is_refused(string code)
    {
        var application = NewApplication();

        var refused = Assert.Throws<DomainException>(() => application.WriteAnswersIn(code, Me, Now));

        Assert.Equal("AnswerLanguage.Unknown", refused.MessageKey);
        Assert.Equal("ar", application.AnswerLanguage);
    }

    [Fact]
    public void A_cost_or_funding_above_the_largest_amount_is_refused_whichever_page_sends_it()
    {
        var application = NewApplication();

        var cost = Assert.Throws<DomainException>(() => application.AddCost(CostCategory.Other, "x", new Money(9_000_000_000_000_000_000), Me, Now));
        var funding = Assert.Throws<DomainException>(() => application.SetFunding(new Money(long.MaxValue), Money.Zero, Me, Now));

        Assert.Equal("Money.TooLarge", cost.MessageKey);
        Assert.Equal("Money.TooLarge", funding.MessageKey);
        Assert.Empty(application.BudgetLines);
    }

    [Fact]
    public void Fifty_rows_of_the_largest_amount_still_add_up_exactly()
    {
        var application = NewApplication();

        for (var i = 0; i < 50; i++) application.AddCost(CostCategory.Other, null, Money.Maximum, Me, Now);
        application.SetFunding(Money.Maximum, Money.Maximum, Me, Now);

        Assert.Equal(50 * Money.Maximum.Cents, application.TotalCosts.Cents);
        Assert.Equal(48 * Money.Maximum.Cents, application.Requested.Cents);
    }

    [Fact]
    public void The_activity_is_in_progress_after_one_answer_and_done_when_all_but_the_end_date_are_answered()
    {
        var application = NewApplication();

        application.DescribeActivity("Koken en praten", null, null, null, null, null, null, null, Me, Now);
        var afterOne = application.ActivityStatus;
        DescribeAll(application);

        Assert.Equal(SectionStatus.InProgress, afterOne);
        Assert.Equal(SectionStatus.Done, application.ActivityStatus);
        Assert.Null(application.EndsOn);
    }

    [Fact]
    public void Blank_answers_count_as_not_answered_and_answers_are_stored_trimmed()
    {
        var application = NewApplication();

        application.DescribeActivity("  Iftar voor de buurt  ", "   ", null, null, null, null, null, null, Me, Now);

        Assert.Equal("Iftar voor de buurt", application.Title);
        Assert.Null(application.Description);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_001)]
    public void A_number_of_participants_below_one_or_absurdly_high_is_refused(int participants)
    {
        var application = NewApplication();

        var refusal = Assert.Throws<DomainException>(() =>
            application.DescribeActivity("Titel", null, null, participants, null, null, null, null, Me, Now));

        Assert.Equal("Activity.Participants.Range", refusal.MessageKey);
        Assert.Null(application.Title);
    }

    [Fact]
    public void An_end_date_before_the_start_date_is_refused_and_the_same_day_is_accepted()
    {
        var application = NewApplication();

        var refusal = Assert.Throws<DomainException>(() => application.DescribeActivity(null, null, null, null, null,
            new DateOnly(2026, 6, 14), new DateOnly(2026, 6, 13), null, Me, Now));
        application.DescribeActivity(null, null, null, null, null, new DateOnly(2026, 6, 14), new DateOnly(2026, 6, 14), null, Me, Now);

        Assert.Equal("Activity.Dates.EndBeforeStart", refusal.MessageKey);
        Assert.Equal(new DateOnly(2026, 6, 14), application.EndsOn);
    }

    [Fact]
    public void An_unknown_neighbourhood_and_a_title_over_200_characters_are_refused()
    {
        var application = NewApplication();

        var place = Assert.Throws<DomainException>(() =>
            application.DescribeActivity(null, null, null, null, "Atlantis", null, null, null, Me, Now));
        var title = Assert.Throws<DomainException>(() =>
            application.DescribeActivity(new string('a', 201), null, null, null, null, null, null, null, Me, Now));

        Assert.Equal("Organisation.Neighbourhood.Unknown", place.MessageKey);
        Assert.Equal("Answer.TooLong", title.MessageKey);
    }

    [Fact]
    public void Requested_is_the_costs_minus_own_money_and_other_funding_in_exact_cents()
    {
        var application = NewApplication();

        application.AddCost(CostCategory.RoomHire, "Zaal", new Money(150_10), Me, Now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", new Money(300_20), Me, Now);
        application.AddCost(CostCategory.Publicity, null, new Money(0_01), Me, Now);
        application.SetFunding(new Money(50_00), new Money(100_30), Me, Now);

        Assert.Equal(new Money(450_31), application.TotalCosts);
        Assert.Equal(new Money(300_01), application.Requested);
    }

    [Fact]
    public void Requested_is_never_below_zero_when_other_money_covers_everything()
    {
        var application = NewApplication();
        application.AddCost(CostCategory.Materials, null, Money.FromEuros(100), Me, Now);

        application.SetFunding(Money.FromEuros(80), Money.FromEuros(80), Me, Now);

        Assert.Equal(Money.Zero, application.Requested);
        Assert.Equal(SectionStatus.InProgress, application.BudgetStatus);
    }

    [Fact]
    public void The_budget_is_in_progress_with_funding_only_and_done_with_a_cost_row_and_something_to_ask()
    {
        var application = NewApplication();

        application.SetFunding(Money.FromEuros(20), Money.Zero, Me, Now);
        var fundingOnly = application.BudgetStatus;
        application.AddCost(CostCategory.RoomHire, "Zaal", Money.FromEuros(150), Me, Now);

        Assert.Equal(SectionStatus.InProgress, fundingOnly);
        Assert.Equal(SectionStatus.Done, application.BudgetStatus);
    }

    [Fact]
    public void Negative_funding_and_a_cost_of_zero_are_refused_and_change_nothing()
    {
        var application = NewApplication();
        application.SetFunding(Money.FromEuros(10), Money.FromEuros(5), Me, Now);

        var funding = Assert.Throws<DomainException>(() => application.SetFunding(new Money(-1), Money.Zero, Me, Now));
        var cost = Assert.Throws<DomainException>(() => application.AddCost(CostCategory.Other, null, Money.Zero, Me, Now));

        Assert.Equal("Money.Negative", funding.MessageKey);
        Assert.Equal("Budget.Amount.Positive", cost.MessageKey);
        Assert.Equal(Money.FromEuros(10), application.OwnContribution);
        Assert.Empty(application.BudgetLines);
    }

    [Fact]
    public void Removing_a_cost_row_lowers_the_total_and_removing_it_twice_changes_nothing_more()
    {
        var application = NewApplication();
        var room = application.AddCost(CostCategory.RoomHire, "Zaal", Money.FromEuros(150), Me, Now);
        application.AddCost(CostCategory.Materials, "Verf", Money.FromEuros(40), Me, Now);

        application.RemoveCost(room.Id, Me, Now);
        application.RemoveCost(room.Id, Me, Now);

        Assert.Equal(Money.FromEuros(40), application.TotalCosts);
    }

    [Fact]
    public void Attachments_are_done_without_documents_up_to_the_small_amount_and_not_started_above_it()
    {
        var small = NewApplication();
        small.AddCost(CostCategory.RoomHire, null, Money.FromEuros(1_000), Me, Now);
        var large = NewApplication();
        large.AddCost(CostCategory.RoomHire, null, Money.FromEuros(1_001), Me, Now);

        Assert.Equal(SectionStatus.Done, small.AttachmentsStatus(SamenDoen));
        Assert.Equal(SectionStatus.NotStarted, large.AttachmentsStatus(SamenDoen));
    }

    [Theory]
    [InlineData(99, "Budget.BelowMinimum")]
    [InlineData(100, null)]
    [InlineData(2_500, null)]
    [InlineData(3_000, "Budget.AboveMaximum")]
    public void The_requested_amount_is_checked_against_the_schemes_minimum_and_maximum(long euros, string? problem) =>
        Assert.Equal(problem, SamenDoen.CheckRequestedAmount(Money.FromEuros(euros)));

    [Fact]
    public void A_sent_application_cannot_be_changed()
    {
        var application = NewApplication();
        DescribeAll(application);
        application.AddCost(CostCategory.RoomHire, "Zaal", Money.FromEuros(150), Me, Now);
        application.Submit(SamenDoen, CompleteGroup.Of(application, Now), declarationAccepted: true, "NIJ-2026-00001", Me, Now);

        var describe = Assert.Throws<DomainException>(() => DescribeAll(application));
        var cost = Assert.Throws<DomainException>(() => application.AddCost(CostCategory.Other, null, Money.FromEuros(1), Me, Now));
        var funding = Assert.Throws<DomainException>(() => application.SetFunding(Money.FromEuros(1), Money.Zero, Me, Now));
        var language = Assert.Throws<DomainException>(() => application.WriteAnswersIn("nl", Me, Now));

        Assert.All(new[] { describe, cost, funding, language }, e => Assert.Equal("Application.NotDraft", e.MessageKey));
    }

    [Theory]
    [InlineData("14", "6", "2026", 2026, 6, 14)]
    [InlineData("03", "02", "2027", 2027, 2, 3)]
    [InlineData("3", "maart", "2027", 2027, 3, 3)]
    [InlineData(" 3 ", "Mrt.", "27", 2027, 3, 3)]
    [InlineData("1", "March", "2027", 2027, 3, 1)]
    [InlineData("1", "sept", "2027", 2027, 9, 1)]
    [InlineData("١٤", "٦", "٢٠٢٦", 2026, 6, 14)]
    [InlineData("14", "يونيو", "2026", 2026, 6, 14)]
    [InlineData("14", "ابريل", "2026", 2026, 4, 14)]
    [InlineData("14", "تشرين  الأول", "2026", 2026, 10, 14)]
    [InlineData("29", "2", "2028", 2028, 2, 29)]
    public void A_date_is_read_from_day_month_and_year_the_way_people_type_them(string day, string month, string year, int y, int m, int d)
    {
        var refused = new TypedDate { Day = day, Month = month, Year = year }.TryRead(out var date);

        Assert.Null(refused);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("", "6", "2026", DatePart.Day, "Activity.Dates.DayMissing")]
    [InlineData("14", " ", "2026", DatePart.Month, "Activity.Dates.MonthMissing")]
    [InlineData("14", "6", "", DatePart.Year, "Activity.Dates.YearMissing")]
    [InlineData("32", "6", "2026", DatePart.Day, "Activity.Dates.Day")]
    [InlineData("veertien", "6", "2026", DatePart.Day, "Activity.Dates.Day")]
    [InlineData("14", "13", "2026", DatePart.Month, "Activity.Dates.Month")]
    [InlineData("14", "morgen", "2026", DatePart.Month, "Activity.Dates.Month")]
    [InlineData("14", "6", "226", DatePart.Year, "Activity.Dates.Year")]
    [InlineData("14", "6", "1999", DatePart.Year, "Activity.Dates.Year")]
    [InlineData("14", "6", "-2026", DatePart.Year, "Activity.Dates.Year")]
    [InlineData("31", "2", "2026", DatePart.Whole, "Activity.Dates.Invalid")]
    [InlineData("29", "februari", "2027", DatePart.Whole, "Activity.Dates.Invalid")]
    public void A_date_that_cannot_be_read_names_the_field_to_mend(string day, string month, string year, DatePart part, string key)
    {
        var refused = new TypedDate { Day = day, Month = month, Year = year }.TryRead(out var date);

        Assert.Equal(new DateRefusal(part, key), refused);
        Assert.Null(date);
    }

    [Fact]
    public void Three_empty_fields_are_no_answer_yet_and_a_stored_date_comes_back_as_typed()
    {
        Assert.Null(new TypedDate { Day = " ", Month = "", Year = null }.TryRead(out var none));
        Assert.Null(none);
        var typed = TypedDate.From(new DateOnly(2027, 3, 3));
        Assert.Equal(("3", "3", "2027"), (typed.Day, typed.Month, typed.Year));
        Assert.True(new TypedDate { Day = "3" }.IsPartial);
        Assert.False(typed.IsPartial);
    }

    [Theory]
    [InlineData("25", 25, null)]
    [InlineData(" ٢٥ ", 25, null)]
    [InlineData("", null, null)]
    [InlineData("abc", null, "Activity.Participants.NotANumber")]
    [InlineData("12,5", null, "Activity.Participants.NotANumber")]
    [InlineData("-3", null, "Activity.Participants.Range")]
    public void Participants_are_read_as_a_whole_number(string typed, int? count, string? error)
    {
        Assert.Equal(error is null, TypedAnswers.TryParseCount(typed, out var read, out var key));
        Assert.Equal(count, read);
        Assert.Equal(error, key);
    }

    [Theory]
    [InlineData("١٢٥٠٫٥٠", 125050)]
    [InlineData("€ 1.250", 125000)]
    public void Amounts_in_Arabic_digits_are_read_too(string typed, long cents)
    {
        Assert.True(TypedAnswers.TryParseMoney(typed, emptyIsZero: false, out var amount, out var error), error);
        Assert.Equal(new Money(cents), amount);
    }

    [Theory]
    [InlineData(125050, "1250,50")]
    [InlineData(125000, "1250")]
    [InlineData(5, "0,05")]
    [InlineData(0, "")]
    public void An_amount_put_back_into_a_field_has_no_thousands_separator_so_it_is_never_ambiguous(long cents, string shown)
    {
        var text = TypedAnswers.ForEditing(new Money(cents));

        Assert.Equal(shown, text);
        if (cents > 0)
        {
            Assert.True(TypedAnswers.TryParseMoney(text, emptyIsZero: false, out var again, out _));
            Assert.Equal(new Money(cents), again);
        }
    }
}
