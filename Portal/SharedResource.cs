namespace Portal;

/// <summary>Marker for the one set of UI strings: Resources/SharedResource.resx (Dutch, leading) and one file per language.</summary>
public sealed class SharedResource;
