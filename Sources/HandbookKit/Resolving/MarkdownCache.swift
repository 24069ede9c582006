/// Keeps parsed Markdown between builds (under `serve`), by where each text starts and its
/// text, so unchanged text is not parsed again. The pipeline's build cache is one.
protocol MarkdownCache: AnyObject, Sendable {
    func document(_ source: MarkdownSource, audience: Audience, allowRawHTML: Bool, language: String,
                  make: () -> MarkdownDocument) -> MarkdownDocument
}
