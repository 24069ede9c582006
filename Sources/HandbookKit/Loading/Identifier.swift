/// Ids name rules, topics, staff, rooms and sessions so that other files can refer to them.
enum Identifier {
    /// Lowercase letters, digits and dashes: safe in addresses and easy to type.
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        } && !id.hasPrefix("-") && !id.hasSuffix("-")
    }

    /// Reads a required id, checking its form and that it is not used twice in the same list.
    static func read(_ reader: MappingReader, seen: inout [String: SourceLocation], key: String = "id") -> String? {
        guard let id = reader.string(key, kind: .identifier, required: true, hint: "add a short name such as '\(key): my-\(reader.noun.replacingOccurrences(of: " ", with: "-"))'") else { return nil }
        return check(id, at: reader.location(of: key), noun: reader.noun, seen: &seen, log: reader.log)
    }

    static func check(_ id: String, at location: SourceLocation, noun: String, seen: inout [String: SourceLocation], log: DiagnosticLog) -> String? {
        guard isValid(id) else {
            log.error(location, "the id '\(id)' may only hold lowercase letters, digits and dashes",
                      hint: "for example '\(Slug.make(id))'")
            return nil
        }
        if let first = seen[id] {
            log.error(location, "the \(noun) id '\(id)' is used twice (first at line \(first.line))",
                      hint: "every \(noun) needs its own id")
            return nil
        }
        seen[id] = location
        return id
    }
}
