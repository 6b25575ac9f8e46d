using Portal.Domain.Common;
using Portal.Domain.Email;

namespace Portal.Tests.Domain;

public sealed class EmailMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    [Fact]
    public void New_message_is_due_at_once_and_unsent()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);

        Assert.Equal(Now, message.NextAttemptAt);
        Assert.True(message.IsDue(Now));
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.SentAt);
        Assert.False(message.GaveUp);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Message_without_recipient_is_refused(string to)
    {
        Assert.Throws<ArgumentException>(() => new EmailMessage(to, "Onderwerp", "Tekst", null, Now));
    }

    [Fact]
    public void Claiming_a_message_counts_an_attempt_and_no_other_worker_takes_it_until_the_lease_runs_out()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);

        message.Lease(Now, Now + LeaseTime);

        Assert.Equal(1, message.Attempts);
        Assert.False(message.IsDue(Now + LeaseTime - TimeSpan.FromSeconds(1)));
        Assert.Throws<InvalidOperationException>(() => message.Lease(Now + TimeSpan.FromMinutes(1), Now + TimeSpan.FromMinutes(6)));
        Assert.True(message.IsDue(Now + LeaseTime), "A worker that died leaves the message to the next one once the lease has run out.");
    }

    [Fact]
    public void Backoff_grows_after_each_failure_and_is_capped_at_one_hour()
    {
        var delays = Enumerable.Range(1, EmailMessage.MaxAttempts + 5).Select(EmailMessage.BackoffAfter).ToList();

        Assert.Equal(TimeSpan.FromSeconds(5), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(10), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(20), delays[2]);
        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(1), delays[^1]);
        Assert.Equal(TimeSpan.FromHours(1), EmailMessage.BackoffAfter(1000));
    }

    [Fact]
    public void Failed_send_is_retried_later_and_keeps_the_error()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);

        Fail(message, "Connection refused", Now);
        Fail(message, "Connection refused", Now.AddSeconds(5));

        Assert.Equal(2, message.Attempts);
        Assert.Equal(Now.AddSeconds(5) + TimeSpan.FromSeconds(10), message.NextAttemptAt);
        Assert.Equal("Connection refused", message.LastError);
        Assert.Null(message.SentAt);
        Assert.Null(message.LeasedUntil);
        Assert.False(message.IsDue(Now.AddSeconds(14)));
        Assert.True(message.IsDue(Now.AddSeconds(15)));
    }

    [Fact]
    public void Very_long_error_is_cut_to_what_the_column_holds()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);

        Fail(message, new string('e', 5000), Now);

        Assert.Equal(2000, message.LastError!.Length);
    }

    [Fact]
    public void Sent_message_records_when_and_forgets_the_last_error()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);
        Fail(message, "Connection refused", Now);

        message.Lease(Now.AddSeconds(6), Now.AddSeconds(6) + LeaseTime);
        message.MarkSent(Now.AddSeconds(6));

        Assert.Equal(Now.AddSeconds(6), message.SentAt);
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.LastError);
        Assert.Null(message.LeasedUntil);
        Assert.False(message.GaveUp);
        Assert.False(message.IsDue(Now.AddDays(1)));
    }

    [Fact]
    public void Worker_gives_up_after_the_maximum_number_of_attempts()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);

        for (var i = 0; i < EmailMessage.MaxAttempts - 1; i++) Fail(message, "down", Now.AddDays(i));
        Assert.False(message.GaveUp);
        Fail(message, "down", Now.AddDays(20));

        Assert.True(message.GaveUp);
        Assert.Equal(Now.AddDays(20), message.GaveUpAt);
        Assert.False(message.IsDue(Now.AddDays(30)));
    }

    [Fact]
    public void Message_given_up_gets_a_new_round_of_attempts_when_an_admin_sends_it_again()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);
        for (var i = 0; i < EmailMessage.MaxAttempts; i++) Fail(message, "down", Now.AddDays(i));

        message.SendAgain(Now.AddDays(20));

        Assert.False(message.GaveUp);
        Assert.Equal(0, message.Attempts);
        Assert.True(message.IsDue(Now.AddDays(20)));
    }

    [Fact]
    public void A_message_that_is_sent_or_being_sent_cannot_be_sent_again()
    {
        var sent = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);
        sent.Lease(Now, Now + LeaseTime);
        sent.MarkSent(Now);
        var sending = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);
        sending.Lease(Now, Now + LeaseTime);

        Assert.Equal("Staff.Mail.AlreadyOnItsWay", Assert.Throws<DomainException>(() => sent.SendAgain(Now)).MessageKey);
        Assert.Throws<DomainException>(() => sending.SendAgain(Now.AddMinutes(1)));
    }

    [Fact]
    public void Logs_may_name_the_recipients_domain()
    {
        Assert.Equal("example.org", new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now).RecipientDomain);
    }

    /// <summary>One attempt that fails, as the worker makes it: claim, then record the failure.</summary>
    private static void Fail(EmailMessage message, string error, DateTimeOffset now)
    {
        message.Lease(now, now + LeaseTime);
        message.MarkFailed(error, now);
    }
}
