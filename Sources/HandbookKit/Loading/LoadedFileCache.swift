/// Keeps what was made of each page file between builds (under `serve`), so a file whose size
/// and time did not change is not read and parsed again. The pipeline's build cache is one.
protocol LoadedFileCache: AnyObject, Sendable {
    /// What `load` makes of a file, made again only when the file changes.
    func loaded<T>(at file: String, load: () -> (T, [Diagnostic])) -> (T, [Diagnostic])
}
