import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A range of network addresses in CIDR notation (`10.20.0.0/16`, `192.168.1.7`, `fd00::/8`),
/// checked before it goes into a server's allow-list: a mistake there opens the staff manual to
/// the wrong people or to no one.
public struct AddressRange: Sendable, Equatable, CustomStringConvertible {
    /// As written, once checked: `10.20.0.0/16`.
    public let description: String

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public init(_ text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), let address = Self.bytes(of: parts[0]) else {
            throw Invalid(description: "'\(text)' is not an address range (write an address, or an address and its prefix length: 10.20.0.0/16, 192.168.1.7, fd00::/8)")
        }
        let bits = address.count * 8
        var length = bits
        if parts.count == 2 {
            guard let given = Int(parts[1]), String(given) == parts[1], (0...bits).contains(given) else {
                throw Invalid(description: "'\(text)': the prefix length after '/' must be a number from 0 to \(bits)")
            }
            length = given
        }
        // nginx accepts 10.0.0.1/8 and quietly reads 10.0.0.0/8: a range wider than the writer
        // may have meant, so it is refused with the range it would be.
        let network = Self.masked(address, to: length)
        if network != address {
            throw Invalid(description: "'\(text)' has address bits beyond its prefix length (did you mean \(Self.text(of: network))/\(length)?)")
        }
        if length == 0 {
            throw Invalid(description: "'\(text)' is every address, which would open the staff manual to anyone (name the intranet's range, such as 10.0.0.0/8)")
        }
        description = text
    }

    private static func bytes(of address: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    private static func masked(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = max(0, min(8, length - index * 8))
            return kept == 8 ? byte : byte & ~(UInt8(0xFF) >> kept)
        }
    }

    private static func text(of bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        _ = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
