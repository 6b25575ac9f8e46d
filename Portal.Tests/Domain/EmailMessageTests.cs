using Portal.Domain.Email;

namespace Portal.Tests.Domain;

public sealed class EmailMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_message_is_due_at_once_and_unsent()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);

        Assert.Equal(Now, message.NextAttemptAt);
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

        message.MarkFailed("Connection refused", Now);
        message.MarkFailed("Connection refused", Now.AddSeconds(5));

        Assert.Equal(2, message.Attempts);
        Assert.Equal(Now.AddSeconds(5) + TimeSpan.FromSeconds(10), message.NextAttemptAt);
        Assert.Equal("Connection refused", message.LastError);
        Assert.Null(message.SentAt);
    }

    [Fact]
    public void Very_long_error_is_cut_to_what_the_column_holds()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);

        message.MarkFailed(new string('e', 5000), Now);

        Assert.Equal(2000, message.LastError!.Length);
    }

    [Fact]
    public void Sent_message_records_when_and_forgets_the_last_error()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);
        message.MarkFailed("Connection refused", Now);

        message.MarkSent(Now.AddSeconds(6));

        Assert.Equal(Now.AddSeconds(6), message.SentAt);
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.LastError);
        Assert.False(message.GaveUp);
    }

    [Fact]
    public void Worker_gives_up_after_the_maximum_number_of_attempts()
    {
        var message = new EmailMessage("amina@example.org", "Onderwerp", "Tekst", null, Now);

        for (var i = 0; i < EmailMessage.MaxAttempts - 1; i++) message.MarkFailed("down", Now);
        Assert.False(message.GaveUp);
        message.MarkFailed("down", Now);

        Assert.True(message.GaveUp);
    }
}
