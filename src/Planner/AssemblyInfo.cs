namespace OrleansTraining.Planner;
