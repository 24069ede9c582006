//
// Added by Handbook to its copy of swift-mustache 2.1.1 (see ../../README.md).
// SPDX-License-Identifier: Apache-2.0
//

/// Handbook's contexts are made of `[String: Any]`, `[String: String]`, `String` and `Bool`.
/// swift-mustache asks the Swift runtime about two or three protocols for every value at every
/// level of the context stack (`MustacheCustomRepresentation`, `MustacheParent`,
/// `MustacheCustomRenderable`, `MustacheSequence`), and each such question cost about 0.2 µs:
/// a third of Handbook's build. For exactly these types the answers are known, and the fast
/// paths give the same result as the general code they skip.

/// `value` as a `T` when its dynamic type is exactly `T`: a comparison of two pointers. An `as?`
/// cast could instead convert (a `[String: String]` to `[String: Any]` entry by entry) or ask the
/// runtime about protocols.
@inline(__always)
func exactly<T>(_ value: Any, _ type: T.Type) -> T? {
    ObjectIdentifier(Swift.type(of: value)) == ObjectIdentifier(type) ? (value as! T) : nil
}

/// The child of a plain dictionary: `.some` of the dictionary's value for `name` (`.some(nil)`
/// when it has none), as `Dictionary`'s `MustacheParent.child(named:)` gives it; nil when
/// `object` is not exactly `[String: Any]` or `[String: String]`.
@inline(__always)
func plainDictionaryChild(named name: String, of object: Any) -> Any?? {
    if let dictionary = exactly(object, [String: Any].self) { return .some(dictionary[name]) }
    if let dictionary = exactly(object, [String: String].self) {
        guard let value = dictionary[name] else { return .some(nil) }
        return .some(value)
    }
    return nil
}

/// Whether `value` is exactly one of the types above, none of which is a
/// `MustacheCustomRepresentation`.
@inline(__always)
func isPlainValue(_ value: Any) -> Bool {
    let type = ObjectIdentifier(Swift.type(of: value))
    return type == ObjectIdentifier(String.self) || type == ObjectIdentifier(Bool.self)
        || type == ObjectIdentifier([String: Any].self) || type == ObjectIdentifier([String: String].self)
}

/// Whether a tag's name holds a dot, read from its bytes in place (asking `name.utf8` walks
/// the string's view one byte at a time, for every tag rendered).
@inline(__always)
func containsDot(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { $0.contains(UInt8(ascii: ".")) }
}
