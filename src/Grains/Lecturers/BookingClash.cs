namespace OrleansTraining.Grains.Lecturers;

/// <summary>Why a booking cannot be added: <see cref="Rule"/> is one of the lecturer rules in <see cref="Common.ConflictRules"/>.</summary>
public sealed record BookingClash(string Rule, string Message);
