using System.Globalization;

namespace Training.Certification.Issuance;

/// <summary>Serial numbers per issuing unit and year: <c>SGDĐT-NB/2026/000123</c>.</summary>
public static class SerialNumber
{
    public static string CounterName(string issuerCode, int year) => $"serial:{issuerCode}:{year.ToString(CultureInfo.InvariantCulture)}";

    public static string Format(string issuerCode, int year, int sequence) =>
        $"{issuerCode}/{year.ToString(CultureInfo.InvariantCulture)}/{sequence.ToString("000000", CultureInfo.InvariantCulture)}";
}
