using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Organisations;

/// <summary>The questions of the organisation profile, one page each, in the order a newcomer answers them.</summary>
public enum Step
{
    Name,
    About,
    Neighbourhood,
    Contact,
    FirstApplication,
    Kvk,
    Payment,
}

/// <summary>A line of the summary ("check your answers"): what was asked, what is saved, where to change it.</summary>
public sealed record SummaryRow(Step Step, string Label, IReadOnlyList<string> Values, bool Answered);

public static class OrganisationSteps
{
    private static readonly Step[] Order = Enum.GetValues<Step>();

    /// <summary>The summary of an organisation; a return address (null or empty: none) travels along in the query.</summary>
    public static string Overview(IUrlHelper url, Guid id, string? returnUrl = null) =>
        url.Page("/Organisation/Index", new { id, returnUrl = NullIfEmpty(returnUrl) })!;

    /// <summary>The page of one question; a return address (null or empty: none) travels along in the query.</summary>
    public static string PathOf(IUrlHelper url, Guid id, Step step, string? returnUrl = null) =>
        url.Page(PageOf(step), new { id, returnUrl = NullIfEmpty(returnUrl) })!;

    private static string PageOf(Step step) => step switch
    {
        Step.Name => "/Organisation/Name",
        Step.About => "/Organisation/About",
        Step.Neighbourhood => "/Organisation/Neighbourhood",
        Step.Contact => "/Organisation/Contact",
        Step.FirstApplication => "/Organisation/FirstApplication",
        Step.Kvk => "/Organisation/Kvk",
        Step.Payment => "/Organisation/Payment",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A KvK number is asked of registered organisations only, never of an informal group.</summary>
    public static bool Applies(Organisation organisation, Step step) =>
        step != Step.Kvk || organisation.Kind is not OrganisationKind.InformalGroup;

    public static bool IsAnswered(Organisation o, Step step) => step switch
    {
        Step.Name => true,
        Step.About => o.HowOrganised is not null,
        Step.Neighbourhood => o.Neighbourhood is not null,
        Step.Contact => o.ContactName is not null || o.ContactPhone is not null,
        Step.FirstApplication => o.FirstApplication is not null,
        Step.Kvk => o.KvkNumber is not null,
        Step.Payment => o.PaymentRoute is not null,
        _ => true,
    };

    /// <summary>
    /// Where to go after saving a page: the next question still open (so a newcomer is led through them all), else
    /// back where the user came from (the summary, or an application page), else the summary.
    /// </summary>
    public static string After(IUrlHelper url, Organisation organisation, Step saved, string? returnUrl)
    {
        var next = Order.SkipWhile(s => s != saved).Skip(1)
            .Where(s => Applies(organisation, s) && !IsAnswered(organisation, s))
            .Cast<Step?>()
            .FirstOrDefault();
        if (next is { } step) return PathOf(url, organisation.Id, step, returnUrl);
        return string.IsNullOrEmpty(returnUrl) ? Overview(url, organisation.Id) : returnUrl;
    }

    public static string KindLabel(OrganisationKind kind) => $"Organisation.Kind.{kind}";

    public static string NeighbourhoodLabel(PortalText text, string? value)
    {
        if (value is null) return "";
        var parts = value.Split('/', 2);
        return parts.Length == 2 ? $"{parts[1]} ({parts[0]})" : text["Organisation.Neighbourhood.WholeDistrict", parts[0]];
    }

    public static IReadOnlyList<SummaryRow> Summary(Organisation o, PortalText text)
    {
        var rows = new List<SummaryRow>
        {
            new(Step.Name, text["Organisation.Summary.Name"], [o.Name, text[KindLabel(o.Kind)]], true),
            new(Step.About, text["Organisation.Summary.About"], Values(o.HowOrganised), IsAnswered(o, Step.About)),
            new(Step.Neighbourhood, text["Organisation.Summary.Neighbourhood"],
                Values(o.Neighbourhood is null ? null : NeighbourhoodLabel(text, o.Neighbourhood)), IsAnswered(o, Step.Neighbourhood)),
            new(Step.Contact, text["Organisation.Summary.Contact"], Values(o.ContactName, o.ContactPhone), IsAnswered(o, Step.Contact)),
            new(Step.FirstApplication, text["Organisation.Summary.FirstApplication"],
                Values(o.FirstApplication switch { true => text["Organisation.Yes"].Value, false => text["Organisation.No"].Value, null => null }),
                IsAnswered(o, Step.FirstApplication)),
        };
        if (Applies(o, Step.Kvk))
            rows.Add(new(Step.Kvk, text["Organisation.Summary.Kvk"], Values(o.KvkNumber), IsAnswered(o, Step.Kvk)));
        rows.Add(new(Step.Payment, text["Organisation.Summary.Payment"], PaymentValues(o, text), IsAnswered(o, Step.Payment)));
        return rows;
    }

    private static IReadOnlyList<string> PaymentValues(Organisation o, PortalText text) => o.PaymentRoute switch
    {
        PaymentRoute.OwnAccount =>
        [
            text["Payment.Summary.OwnAccount"],
            Domain.Organisations.Iban.TryParse(o.Iban, out _)?.Formatted ?? o.Iban ?? "",
            text["Payment.Summary.Holder", o.AccountHolder ?? ""],
        ],
        PaymentRoute.HostOrganisation =>
        [
            text["Payment.Summary.Host", o.HostName ?? ""],
            text["Payment.Summary.HostContact", o.HostContactName ?? "", o.HostEmail ?? ""],
            text["Payment.Summary.Agreed"],
        ],
        _ => [],
    };

    private static IReadOnlyList<string> Values(params string?[] values) => values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    public static string Date(DateTimeOffset value) =>
        global::Portal.Applications.ApplicationTime.Local(value).ToString("d MMMM yyyy", CultureInfo.CurrentUICulture);
}
