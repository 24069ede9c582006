import Mustache

/// A text value in a template context renders as itself, as it did before; saying so spares
/// swift-mustache's fallback for values it does not know (an optional check, then
/// `String(describing:)`), which asks the Swift runtime about protocols several times for every
/// `{{name}}` on every page. Sections and inverted sections treat a text as before: present,
/// even when empty.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
