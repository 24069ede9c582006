import Foundation
import XCTest
@testable import HandbookKit

/// `handbook webserver-config nginx` refuses settings that would open the staff manual or that
/// nginx would read otherwise than meant, and its config knows every kind of file the build
/// writes. What a real nginx does with the config is in `NginxTests`.
final class WebserverConfigTests: XCTestCase {
    private func problem(_ make: () throws -> NginxConfig) -> String {
        do {
            _ = try make()
            return "no problem"
        } catch {
            return "\(error)"
        }
    }

    func testRefusesAConfigThatWouldServeTheManualToAnyone() throws {
        let result = try webserverConfig(["--root", "/srv/handbook/Public"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "", "no config is written")
        XCTAssertTrue(result.stderr.contains("--staff-htpasswd") && result.stderr.contains("--staff-allow"), result.stderr)
        XCTAssertTrue(result.stderr.contains("staff manual (manual/) to anyone"), result.stderr)

        let locked = try webserverConfig(["--root", "/srv/handbook/Public", "--staff-allow", "10.0.0.0/8"])
        XCTAssertEqual(locked.status, 0, locked.stderr)
        XCTAssertTrue(locked.stdout.contains("allow 10.0.0.0/8;\n        deny all;"), locked.stdout)
    }

    func testAddressRangesAreCheckedBeforeTheyOpenTheManual() {
        func allow(_ range: String) -> String { problem { try NginxConfig(root: "/srv/Public", staffAllow: [range]) } }
        XCTAssertEqual(allow("10.0.0.0/8"), "no problem")
        XCTAssertEqual(allow("192.168.1.7"), "no problem")
        XCTAssertEqual(allow("fd00::/8"), "no problem")
        XCTAssertEqual(allow("10.0.0.1/8"), "--staff-allow: error: '10.0.0.1/8' has address bits beyond its prefix length (did you mean 10.0.0.0/8?)")
        XCTAssertEqual(allow("fd12::1/16"), "--staff-allow: error: 'fd12::1/16' has address bits beyond its prefix length (did you mean fd12::/16?)")
        XCTAssertTrue(allow("0.0.0.0/0").contains("every address, which would open the staff manual to anyone"), allow("0.0.0.0/0"))
        XCTAssertTrue(allow("intranet").contains("is not an address range"), allow("intranet"))
        XCTAssertTrue(allow("10.0.0.0/33").contains("a number from 0 to 32"), allow("10.0.0.0/33"))
    }

    func testPathsPortsAndNamesAreReadAsMeant() {
        XCTAssertTrue(problem { try NginxConfig(root: "Public", staffAllow: ["10.0.0.0/8"]) }.hasPrefix("--root: error: 'Public' is not a full path"))
        XCTAssertTrue(problem { try NginxConfig(root: "/srv/$site", staffAllow: ["10.0.0.0/8"]) }.contains("holds '$'"))
        XCTAssertTrue(problem { try NginxConfig(root: "/srv/Public", staffHtpasswd: "/srv/Public/staff.htpasswd") }
            .contains("is inside the served folder"))
        XCTAssertTrue(problem { try NginxConfig(root: "/srv/Public", listen: "99999", staffAllow: ["10.0.0.0/8"]) }.hasPrefix("--listen: error:"))
        XCTAssertTrue(problem { try NginxConfig(root: "/srv/Public", listen: "::1:80", staffAllow: ["10.0.0.0/8"]) }.hasPrefix("--listen: error:"))
        XCTAssertTrue(problem { try NginxConfig(root: "/srv/Public", serverName: "bad;name", staffAllow: ["10.0.0.0/8"]) }.hasPrefix("--server-name: error:"))
        XCTAssertTrue(problem { try NginxConfig(root: "/srv/Public", staffAllow: ["10.0.0.0/8"], clientOnly: true) }.hasPrefix("--client-only: error:"))
        XCTAssertTrue(problem { try NginxConfig(root: "/srv/Public", staffAllow: ["10.0.0.0/8"], requireBoth: true) }.hasPrefix("--staff-require-both: error:"))
        for listen in ["80", "10.0.0.5:8080", "[::1]:8080", "*:80"] {
            XCTAssertEqual(problem { try NginxConfig(root: "/srv/Public/", listen: listen, serverName: "handbook.example.org www.example.org", clientOnly: true) },
                           "no problem", listen)
        }
        let config = try? NginxConfig(root: "/srv/Public/", serverName: "handbook.example.org", clientOnly: true)
        XCTAssertTrue(config?.text.contains("root \"/srv/Public\";") == true, "without the trailing slash")
    }

    /// A new kind of file in the output (a picture format, a search file) must get its media
    /// type in the config, or nginx would send it as bytes to download.
    func testEveryKindOfFileTheBuildWritesHasAMediaType() throws {
        let output = try temporaryFolder(self)
        _ = try Handbook.build(options(sampleContent, output, search: true), environment: fixedClock("2026-12-02"))
        let written = Set(snapshot(output).keys.filter { !$0.hasPrefix(".") }.map { ($0 as NSString).pathExtension })
        XCTAssertTrue(written.isSuperset(of: ["html", "ics", "pf_fragment", "pagefind"]), "\(written.sorted())")
        XCTAssertEqual(written.subtracting(SitePolicy.servedExtensions), [], "written but not served")
        XCTAssertEqual(Set(SitePolicy.servedExtensions).subtracting(SitePolicy.mediaTypes.keys), [], "served without a media type")
        let text = try NginxConfig(root: "/srv/Public", clientOnly: true).text
        for (fileExtension, type) in SitePolicy.mediaTypes {
            XCTAssertNotNil(text.range(of: "\n        \(NSRegularExpression.escapedPattern(for: type)) [a-z0-9_ ]*\\b\(fileExtension)\\b", options: .regularExpression), fileExtension)
        }
    }
}
