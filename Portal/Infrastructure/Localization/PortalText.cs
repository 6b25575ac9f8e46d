using Microsoft.Extensions.Localization;

namespace Portal.Infrastructure.Localization;

/// <summary>
/// All UI texts through one localizer: looks a key up in each resource set in turn (keys are unique across sets,
/// a test checks). Features keep their own files; pages and handlers need not know which file holds a key.
/// </summary>
public sealed class PortalText(IStringLocalizerFactory factory) : IStringLocalizer
{
    private static readonly Type[] Sets =
        [typeof(SharedResource), typeof(SchemeText), typeof(OrganisationText), typeof(ApplicationText), typeof(SubmissionText),
         typeof(CoachingText), typeof(ConsentText), typeof(AssistedText),
         typeof(ReviewText), typeof(RequestText), typeof(AssessmentText), typeof(BudgetText), typeof(TermText),
         typeof(DecisionText), typeof(ObjectionText), typeof(DispatchText), typeof(ReportText), typeof(PaymentText)];

    private readonly IStringLocalizer[] localizers = Sets.Select(factory.Create).ToArray();

    public LocalizedString this[string name] => Find(name, l => l[name]);

    public LocalizedString this[string name, params object[] arguments] => Find(name, l => l[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        localizers.SelectMany(l => l.GetAllStrings(includeParentCultures));

    private LocalizedString Find(string name, Func<IStringLocalizer, LocalizedString> lookup)
    {
        foreach (var localizer in localizers)
        {
            var text = lookup(localizer);
            if (!text.ResourceNotFound) return text;
        }
        return new LocalizedString(name, name, resourceNotFound: true);
    }
}
