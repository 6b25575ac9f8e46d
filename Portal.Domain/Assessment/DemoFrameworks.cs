using Portal.Domain.Schemes;

namespace Portal.Domain.Assessment;

/// <summary>
/// The frameworks of the demo schemes: reach and participation weigh double (what the schemes are for), and the strengths
/// of informal groups — trust, cultural fit — count as a criterion of their own (DIGEST R-08); meeting other groups is
/// scored, not required (DIGEST tension 3). Four-eyes from € 1,000.
/// </summary>
public static class DemoFrameworks
{
    public static AssessmentFramework? For(string slug, int schemeId) => slug switch
    {
        DemoSchemes.SamenDoen => new AssessmentFramework(schemeId, 5, Money.Money.FromEuros(1_000), assessWithoutNames: true,
            ("Reach", 2), ("Participation", 2), ("Trust", 1), ("Bridging", 1), ("Feasibility", 1), ("ReasonableBudget", 1)),
        DemoSchemes.Themabijeenkomsten => new AssessmentFramework(schemeId, 5, Money.Money.FromEuros(1_000), assessWithoutNames: false,
            ("Reach", 1), ("Newcomers", 1), ("Trust", 1), ("Feasibility", 1), ("ReasonableBudget", 1)),
        DemoSchemes.Mantelzorg => new AssessmentFramework(schemeId, 5, Money.Money.FromEuros(1_000), assessWithoutNames: false,
            ("Carers", 2), ("Participation", 1), ("Feasibility", 1), ("ReasonableBudget", 1)),
        _ => null,
    };
}
