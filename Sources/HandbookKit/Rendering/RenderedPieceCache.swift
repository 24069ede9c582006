/// Keeps rendered pieces (a chapter's page, its part of the print page) between builds (under
/// `serve`), made again only when a hash of everything they show changes. `BuildCache` is the
/// one there is.
protocol RenderedPieceCache: AnyObject, Sendable {
    func rendered(_ name: String, key: Int, render: () -> RenderedBytes) -> RenderedBytes
}
