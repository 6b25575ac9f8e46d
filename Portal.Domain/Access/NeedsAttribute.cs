namespace Portal.Domain.Access;

/// <summary>
/// The capability a page handler needs on the application or organisation named in its address ({id}). A filter
/// checks it before the handler runs and answers 404 when the user's grants do not allow it; a test reads these
/// attributes to try every handler with every grant.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsAttribute(Capability capability) : Attribute
{
    public Capability Capability { get; } = capability;
}
