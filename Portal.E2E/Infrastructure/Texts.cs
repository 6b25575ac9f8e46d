using System.Globalization;
using System.Resources;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// The portal's own UI texts (the layout's and the features' resource sets), so page objects find labels and buttons in any
/// language. Assertions about what a user must read use literal text in the tests instead.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager[] Sets =
        [.. new[] { "SharedResource", "SchemeText", "OrganisationText", "ApplicationText", "SubmissionText", "CoachingText", "ConsentText", "AssistedText", "ReviewText", "RequestText", "AssessmentText", "BudgetText", "TermText", "DecisionText", "ObjectionText", "DispatchText", "ReportText", "PaymentText" }.Select(name => new ResourceManager($"Portal.Resources.{name}", typeof(SharedResource).Assembly))];

    public static string Get(string key, string language) =>
        Sets.Select(set => set.GetString(key, CultureInfo.GetCultureInfo(language))).FirstOrDefault(text => text is not null)
        ?? throw new KeyNotFoundException($"No text '{key}' for '{language}'");
}
