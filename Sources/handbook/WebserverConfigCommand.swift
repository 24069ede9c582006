import ArgumentParser
import Foundation
import HandbookKit

struct WebserverConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webserver-config",
        abstract: "Print a web server's configuration that publishes the output folder safely.",
        subcommands: [Nginx.self]
    )

    struct Nginx: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an nginx server block: the handbook and schedule open to anyone, the staff manual only through a lock.",
            discussion: """
            The manual is locked by a password file (--staff-htpasswd), by the intranet's \
            addresses (--staff-allow), or both: then a reader at an allowed address needs no \
            password and anyone else does (--staff-require-both asks everyone for one). Without \
            a lock the command refuses, since the manual would be open to anyone. On a host \
            that must not serve the manual at all, use --client-only. docs/publishing.md shows \
            the common set-ups step by step.

            Examples:
              handbook webserver-config nginx --root /srv/handbook/Public --staff-allow 10.0.0.0/8
              handbook webserver-config nginx --root /srv/handbook/Public --staff-htpasswd /etc/nginx/handbook-staff.htpasswd
              handbook webserver-config nginx --root /var/www/handbook/Site --client-only
            """
        )

        @Option(help: "Where the output folder (Public/) is on the web server: a full path.")
        var root: String

        @Option(help: "The port, or address and port, to listen on: 80, 10.0.0.5:80, [::1]:8080.")
        var listen = "80"

        @Option(help: "The server's name, such as handbook.example.org; several names separated by spaces; _ for any name.")
        var serverName = "_"

        @Option(help: "Password file for the staff manual (made with htpasswd or openssl passwd): a full path, outside the served folder.")
        var staffHtpasswd: String?

        @Option(help: "Addresses that may read the staff manual, in CIDR notation (10.0.0.0/8, 192.168.1.0/24); repeat for several.")
        var staffAllow: [String] = []

        @Flag(help: "With both --staff-htpasswd and --staff-allow: ask for a password at the allowed addresses too, and refuse all others.")
        var staffRequireBoth = false

        @Flag(help: "Serve no manual at all (a public host for the client site); manual/ answers 404 even if it was copied there.")
        var clientOnly = false

        func run() throws {
            do {
                let config = try NginxConfig(root: root, listen: listen, serverName: serverName, staffHtpasswd: staffHtpasswd,
                                             staffAllow: staffAllow, requireBoth: staffRequireBoth, clientOnly: clientOnly)
                print(config.text, terminator: "")
            } catch let problem as NginxConfig.Problem {
                FileHandle.standardError.write(Data((problem.description + "\n").utf8))
                throw ExitCode.failure
            }
        }
    }
}
