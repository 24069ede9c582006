import Foundation
import Mustache

/// The Mustache templates and static assets of an output, from the templates folder with the
/// program's own overrides (`<content>/templates/`) on top.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// Files copied as they are into the output's `assets/` folder, by name.
    public let assets: [String: Data]
    /// The words of the templates in each language (`strings/<tag>.yaml`).
    public let strings: InterfaceStrings
    /// Where each template was read from, for error messages.
    let sources: [String: String]
    /// Changes when any template or asset changes: part of every cached chapter's key.
    let signature: Int

    /// Templates every output needs; a missing one is an error before anything is rendered.
    public static let required = ["layout", "chapter", "index", "print", "header", "nav", "footer",
                                  "section-rules", "section-faq", "section-topics", "section-schedule",
                                  "section-contacts", "section-staff-directory", "schedule-week", "schedule-current", "compliance-report", "search", "print-chapter", "languages"]

    /// Kinds of files a templates folder's `assets/` may publish: what a page may link to, and
    /// the scripts and icons of a look. Never a data file, a Markdown source or a template.
    static let assetExtensions = LinkResolver.publishableExtensions.union(["js", "ico"])

    /// Renders a template; the names rendered are all checked to exist at load time.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
