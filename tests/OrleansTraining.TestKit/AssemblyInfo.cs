namespace OrleansTraining.TestKit;
