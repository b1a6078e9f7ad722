namespace OrleansTraining.Gateway.Resources;

/// <summary>
/// Names the pages' texts: Text.resx holds the Vietnamese (the default language), Text.en.resx the English.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<Text>; it is never instantiated.
public sealed class Text;
#pragma warning restore CA1052
