namespace CommunitySafety.Data.Model;

/// <summary>
/// Whether a change is more than normal variation, by the Poisson test: real where |z| >= 3, possible where
/// 2 <= |z| < 3, otherwise none. Written in JSON as "real", "possible" and "none".
/// </summary>
public enum Significance
{
    None,
    Possible,
    Real,
}
