namespace OrleansTraining.Grains;
