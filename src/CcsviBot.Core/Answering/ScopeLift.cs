namespace CcsviBot.Core.Answering;

/// <summary>What <see cref="ScopeProfile.Lift"/> measures: mean, lowest and highest log ratio over the question's concepts.</summary>
internal readonly record struct ScopeLift(double Mean, double Lowest, double Highest);
