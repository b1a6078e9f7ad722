namespace OrleansTraining.Grains.Common;

/// <summary>Half-day teaching slot (buổi sáng / buổi chiều).</summary>
[GenerateSerializer, Alias("ot.SessionSlot")]
public enum SessionSlot
{
    Morning,
    Afternoon,
}
