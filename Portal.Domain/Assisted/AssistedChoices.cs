namespace Portal.Domain.Assisted;

/// <summary>How the person agreed that a coach starts helping. Stored by name, so never rename one.</summary>
public enum ConsentMethod
{
    InPerson,
    ByPhone,
    SignedPaper,
}

/// <summary>Who receives the updates about an assisted application. Stored by name, so never rename one.</summary>
public enum UpdatesTo
{
    Coach,
    Person,
    Both,
}

/// <summary>How the person hears about it when they receive updates. Stored by name, so never rename one.</summary>
public enum PersonChannel
{
    /// <summary>A printed letter the coach hands over.</summary>
    LetterHandedOver,
    /// <summary>A printed letter the coach posts.</summary>
    LetterPosted,
    Email,
}
