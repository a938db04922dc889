namespace Training.Certification.Data;

/// <summary>A certification programme: which course completions earn which certificate.</summary>
public sealed class Programme
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Required course codes, separated by ';'. Codes, not ids: they are stable across modules and imports.</summary>
    public string CourseCodes { get; set; } = "";
    /// <summary>How many of the listed courses are needed; null means all of them.</summary>
    public int? RequiredCount { get; set; }
    public decimal MinScore { get; set; }
    /// <summary>Validity in months; null means the certificate never expires.</summary>
    public int? ValidityMonths { get; set; }
    /// <summary>Days before expiry from which completions count towards the next cycle.</summary>
    public int RecertificationWindowDays { get; set; } = 60;
    public Guid? IssuingUnitId { get; set; }
    public string IssuingUnitName { get; set; } = "";
    /// <summary>The governing body printed above the issuing unit, e.g. "UBND tỉnh Ninh Bình".</summary>
    public string IssuingBody { get; set; } = "";
    /// <summary>Prefix of the serial numbers, e.g. SGDĐT-NB.</summary>
    public string IssuerCode { get; set; } = "";
    /// <summary>Place in the administrative date line, e.g. Ninh Bình.</summary>
    public string Place { get; set; } = "";
    /// <summary>Signer's authority lines separated by '\n', e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".</summary>
    public string SignerTitle { get; set; } = "";
    public string SignerName { get; set; } = "";
    /// <summary>The sentence above the programme name, e.g. "Đã hoàn thành chương trình bồi dưỡng".</summary>
    public string Wording { get; set; } = "";
    public bool IsActive { get; set; } = true;
    /// <summary>The current template version; null: the default look with <see cref="Wording"/>.</summary>
    public Guid? TemplateId { get; set; }

    public IReadOnlyList<string> CourseCodeList =>
        CourseCodes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public int Needed => RequiredCount is { } n && n > 0 ? Math.Min(n, CourseCodeList.Count) : CourseCodeList.Count;
}
