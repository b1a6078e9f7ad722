using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Materials;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>What GET /api/trainee/{token} answers: the course, and its materials when open (null before).</summary>
public sealed record TraineePage(TraineeCourseView Course, CourseMaterials? Materials);
