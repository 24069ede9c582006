/// Keeps rendered pieces (a chapter's page, its part of the print page) between builds (under
/// `serve`), made again only when a hash of everything they show changes. The pipeline's build
/// cache is one.
protocol RenderedPieceCache: AnyObject, Sendable {
    func rendered(_ name: String, key: Int, render: () -> RenderedBytes) -> RenderedBytes
}
