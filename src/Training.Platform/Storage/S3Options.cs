namespace Training.Platform.Storage;

/// <summary>An S3-compatible object store (MinIO, Ceph, a cloud's object storage), bound from <c>Storage:S3</c>; used
/// when <c>Storage:Provider</c> is <c>S3</c>. The bucket must exist.</summary>
public sealed class S3Options
{
    public const string Section = "Storage:S3";

    /// <summary>Endpoint, e.g. <c>https://s3.example.vn</c>.</summary>
    public string ServiceUrl { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string Region { get; set; } = "us-east-1";

    /// <summary>Bucket in the path (<c>host/bucket/key</c>) rather than the host name: what most S3-compatible stores expect.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
