namespace Training.Courses.Questions;

/// <summary>Classical item statistics of one question, from the submitted attempts that drew it.
/// Facility index = mean credit (0–1; Moodle's "facility"). Discrimination index = the Pearson correlation between
/// the credit on this question and the rest of the attempt's score (the score without this question), which for an
/// all-or-nothing item is the corrected point-biserial correlation. Accumulated in one pass with running sums, so
/// memory does not grow with the number of attempts.</summary>
public sealed class ItemStatistics
{
    private double _n, _x, _y, _xx, _yy, _xy;

    public int Attempts => (int)_n;

    /// <param name="credit">The credit earned on this question (0–1).</param>
    /// <param name="restScore">The mean credit over the attempt's other questions (0–1).</param>
    public void Add(decimal credit, decimal restScore)
    {
        double x = (double)credit, y = (double)restScore;
        _n++;
        _x += x; _y += y; _xx += x * x; _yy += y * y; _xy += x * y;
    }

    public double? Facility => _n == 0 ? null : _x / _n;

    /// <summary>Null below two attempts or when either side does not vary (the correlation is undefined).</summary>
    public double? Discrimination
    {
        get
        {
            if (_n < 2) return null;
            var cov = _xy - _x * _y / _n;
            var vx = _xx - _x * _x / _n;
            var vy = _yy - _y * _y / _n;
            if (vx <= 1e-12 || vy <= 1e-12) return null;
            return cov / Math.Sqrt(vx * vy);
        }
    }
}
