using System.Diagnostics;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Security;

/// <summary>
/// No account enumeration by the clock: for a known and an unknown address, sign-in, registration, a forgotten password
/// and a sign-in link take the same time (medians within 20 % of each other), as they already give the same answer.
/// Requests alternate between the two, so a busy machine slows both alike.
/// </summary>
[Collection(Db.Alone)]
public sealed class AccountTimingTests(DatabaseFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rounds = 15;
    private const string Known = "amina@example.org";

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        await TestAccounts.CreateAsync(fixture.Factory, Known, Roles.Applicant);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task Sign_in_takes_as_long_for_an_unknown_address_as_for_a_known_one() =>
        AssertSameTimeAsync("/account/sign-in", email => [("Input.Email", email), ("Input.Password", "niet het goede wachtwoord")]);

    [Fact]
    public Task Registering_takes_as_long_for_a_known_address_as_for_a_new_one() =>
        AssertSameTimeAsync("/account/register", email => [("Input.Email", email), ("Input.Password", "een nieuw lang wachtwoord")]);

    [Fact]
    public Task A_forgotten_password_takes_as_long_for_an_unknown_address_as_for_a_known_one() =>
        AssertSameTimeAsync("/account/forgot-password", email => [("Input.Email", email)]);

    [Fact]
    public Task A_sign_in_link_takes_as_long_for_an_unknown_address_as_for_a_known_one() =>
        AssertSameTimeAsync("/account/sign-in-link", email => [("Input.Email", email)]);

    private async Task AssertSameTimeAsync(string page, Func<string, (string, string)[]> form)
    {
        using var client = new FormClient(fixture.Factory);
        var known = new List<double>();
        var unknown = new List<double>();
        for (var round = -3; round < Rounds; round++) // three rounds to warm up
        {
            var knownTime = await TimeAsync(client, page, form(Known));
            var unknownTime = await TimeAsync(client, page, form($"onbekend{Guid.NewGuid():N}@example.org"));
            if (round < 0) continue;
            known.Add(knownTime);
            unknown.Add(unknownTime);
        }
        var (a, b) = (Median(known), Median(unknown));
        output.WriteLine($"{page}: known {a:F1} ms, unknown {b:F1} ms");
        Assert.True(Math.Abs(a - b) <= 0.2 * Math.Max(a, b),
            $"{page}: the median for a known address is {a:F1} ms, for an unknown one {b:F1} ms: more than 20 % apart.");
    }

    private static async Task<double> TimeAsync(FormClient client, string page, (string, string)[] fields)
    {
        await client.GetAsync(page);
        var watch = Stopwatch.StartNew();
        await client.PostAsync(page, fields);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
