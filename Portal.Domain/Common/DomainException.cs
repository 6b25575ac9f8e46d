namespace Portal.Domain.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="MessageKey"/> names a resource string, so a page can show the
/// user a plain, translated explanation instead of a technical message.
/// </summary>
public sealed class DomainException(string messageKey) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
}
