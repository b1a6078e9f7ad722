using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("OrleansTraining.Planner.Tests")]

namespace OrleansTraining.Planner;
