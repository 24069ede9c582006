import Foundation

/// An nginx `server { … }` block that publishes an output folder as `SitePolicy` says: the
/// client handbook and the schedule open, the staff manual only through a lock. Its settings are
/// checked when it is made, so a config that would open the manual to anyone is never written.
public struct NginxConfig: Sendable {
    /// How the staff manual is served.
    public enum StaffAccess: Sendable, Equatable {
        /// Not at all: a host for the client site only, where `manual/` must never be, answers 404
        /// for it even if it was copied there by mistake.
        case none
        /// To a reader with a password from an htpasswd file, or from an allowed address, or both.
        case locked(htpasswd: String?, allow: [AddressRange], requireBoth: Bool)
    }

    /// A setting that cannot go into the config, with the option it came from and how to fix it.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
        init(_ option: String, _ message: String) { description = "\(option): error: \(message)" }
    }

    /// Where the output folder (`Public/`) is on the server: an absolute path.
    public let root: String
    /// `8080`, `10.0.0.5:80` or `[::1]:8080`.
    public let listen: String
    /// The names the server answers to; `_` is any name.
    public let serverNames: [String]
    public let staff: StaffAccess

    public init(root: String, listen: String = "80", serverName: String = "_", staffHtpasswd: String? = nil,
                staffAllow: [String] = [], requireBoth: Bool = false, clientOnly: Bool = false) throws {
        self.root = try Self.path(root, option: "--root", example: "/srv/handbook/Public")
        self.listen = try Self.listenAddress(listen)
        serverNames = try Self.names(serverName)
        staff = try Self.staffAccess(htpasswd: staffHtpasswd, allow: staffAllow, requireBoth: requireBoth, clientOnly: clientOnly,
                                     root: self.root)
    }

    // MARK: Checking the settings

    private static func staffAccess(htpasswd: String?, allow: [String], requireBoth: Bool, clientOnly: Bool, root: String) throws -> StaffAccess {
        if clientOnly {
            if htpasswd != nil || !allow.isEmpty || requireBoth {
                throw Problem("--client-only", "a client-only config serves no manual, so it takes no --staff-htpasswd, --staff-allow or --staff-require-both (leave them out, or leave out --client-only)")
            }
            return .none
        }
        guard htpasswd != nil || !allow.isEmpty else {
            throw Problem("--staff-htpasswd, --staff-allow", "without a lock this config would serve the staff manual (manual/) to anyone who finds the address; "
                          + "add --staff-htpasswd <file> (staff sign in with a password) and/or --staff-allow <CIDR> (only the intranet's addresses), "
                          + "or --client-only for a host that must not serve the manual at all")
        }
        if requireBoth && (htpasswd == nil || allow.isEmpty) {
            throw Problem("--staff-require-both", "needs both --staff-htpasswd and --staff-allow (it asks for a password from the allowed addresses only)")
        }
        let file = try htpasswd.map { try path($0, option: "--staff-htpasswd", example: "/etc/nginx/handbook-staff.htpasswd") }
        if let file, file.hasPrefix(root + "/") {
            throw Problem("--staff-htpasswd", "\(file) is inside the served folder \(root); keep the password file outside it, such as /etc/nginx/handbook-staff.htpasswd")
        }
        let ranges = try allow.map { text in
            do { return try AddressRange(text) } catch let invalid as AddressRange.Invalid {
                throw Problem("--staff-allow", invalid.description)
            }
        }
        return .locked(htpasswd: file, allow: ranges, requireBoth: requireBoth)
    }

    /// An absolute path nginx reads as written: no quote, backslash or `$` (nginx would read a
    /// variable there), no control character; without a trailing slash.
    private static func path(_ text: String, option: String, example: String) throws -> String {
        guard text.hasPrefix("/") else {
            throw Problem(option, "'\(text)' is not a full path (give the path on the web server, starting with /, such as \(example))")
        }
        if let bad = text.unicodeScalars.first(where: { "\"\\$".unicodeScalars.contains($0) || $0.properties.generalCategory == .control }) {
            throw Problem(option, "'\(text)' holds \(bad.properties.generalCategory == .control ? "a control character" : "'\(bad)'"), which nginx would not read as part of the path (rename the folder)")
        }
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    private static func listenAddress(_ text: String) throws -> String {
        let problem = Problem("--listen", "'\(text)' is not a port or an address and port (such as 80, 8080, 10.0.0.5:80 or [::1]:8080)")
        let port: Substring, host: Substring?
        if let colon = text.lastIndex(of: ":") {
            (host, port) = (text[..<colon], text[text.index(after: colon)...])
        } else {
            (host, port) = (nil, Substring(text))
        }
        guard let number = Int(port), String(number) == port, (1...65535).contains(number) else { throw problem }
        if let host {
            let bracketed = host.hasPrefix("[") && host.hasSuffix("]")
            let address = bracketed ? String(host.dropFirst().dropLast()) : String(host)
            guard host == "*" || (!address.contains("/") && (try? AddressRange(address)) != nil), bracketed == address.contains(":") else { throw problem }
        }
        return text
    }

    private static func names(_ text: String) throws -> [String] {
        let names = text.split(separator: " ").map(String.init)
        let label = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
        let pattern = try! NSRegularExpression(pattern: "^(_|(\\*\\.)?\(label)(\\.\(label))*\\.?)$")
        for name in names where pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) == nil {
            throw Problem("--server-name", "'\(name)' is not a host name (such as handbook.example.org, or _ for any name)")
        }
        guard !names.isEmpty else { throw Problem("--server-name", "no name given (such as handbook.example.org, or _ for any name)") }
        return names
    }
}
