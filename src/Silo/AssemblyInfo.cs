namespace OrleansTraining.Silo;
