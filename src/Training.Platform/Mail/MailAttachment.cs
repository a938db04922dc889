namespace Training.Platform.Mail;

/// <summary>A file sent with an e-mail.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
