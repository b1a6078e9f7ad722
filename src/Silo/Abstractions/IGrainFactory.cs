namespace OrleansTraining.Silo;

/// <summary>Hands out grain references (proxies). A caller never holds the grain object itself.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;
}
