extension NginxConfig {
    /// The config: a comment that says what it serves to whom, then the `server` block.
    public var text: String {
        let lines = summary + ["server {"] + indented(settings + [""] + mediaTypes + [""] + serverHeaders + [""] + routing) + ["}"]
        return lines.joined(separator: "\n") + "\n"
    }

    private var summary: [String] {
        [
            "# nginx site for a handbook's output folder, written by `handbook webserver-config nginx` (handbook \(Handbook.version)).",
            "# Served to anyone: handbook/ and schedule/.",
            "# The staff manual, manual/ in every language: \(staffSummary).",
            "# Never served: names that start with a dot (the build's staging folders among them),",
            "# compliance-report.html, kinds of file the build does not write, folder listings.",
            "# Make it again with the command rather than editing it: docs/publishing.md.",
        ]
    }

    private var staffSummary: String {
        switch staff {
        case .none:
            return "never served here (--client-only)"
        case let .locked(htpasswd, allow, requireBoth):
            let addresses = allow.map(\.description).joined(separator: ", ")
            switch (htpasswd, addresses.isEmpty) {
            case (nil, _): return "only to readers at \(addresses)"
            case let (file?, true): return "only with a staff password from \(file)"
            case let (file?, false) where requireBoth: return "only to readers at \(addresses), with a staff password from \(file)"
            case let (file?, false): return "to readers at \(addresses) without a password, to others with a staff password from \(file)"
            }
        }
    }

    private var settings: [String] {
        [
            "listen \(listen);",
            "server_name \(serverNames.joined(separator: " "));",
            "root \"\(root)\";",
            "",
            "# No folder listings, no nginx version in answers, redirects by path only (right behind a proxy too).",
            "autoindex off;",
            "server_tokens off;",
            "absolute_redirect off;",
            "# A symbolic link inside the folder is not followed: every file comes from the folder itself.",
            "disable_symlinks on from=$document_root;",
        ]
    }

    /// nginx's own list of types is replaced, so these are the types whatever the rest of the
    /// server's configuration says.
    private var mediaTypes: [String] {
        let byType = Dictionary(grouping: SitePolicy.mediaTypes.keys.sorted(), by: { SitePolicy.mediaTypes[$0]! })
        // nginx always counts text/html in both lists, and warns when it is named again.
        let textTypes = SitePolicy.charsetTypes.filter { $0 != "text/html" }
        return ["# The kinds of file the build writes; Pagefind's index files are compressed already.", "types {"]
            + byType.keys.sorted().map { "    \($0) \(byType[$0]!.joined(separator: " "));" }
            + ["}", "default_type application/octet-stream;",
               "charset utf-8;", "charset_types \(textTypes.joined(separator: " "));",
               "gzip on;", "gzip_vary on;", "gzip_types \((textTypes + ["image/svg+xml"]).joined(separator: " "));"]
    }

    private var serverHeaders: [String] {
        ["# Headers of every answer. nginx drops these in a location that adds headers of its own,",
         "# so each such location below repeats them."]
            + headers(cache: SitePolicy.noCache)
    }

    private func headers(policy: String = SitePolicy.contentSecurityPolicy, cache: String, staffOnly: Bool = false) -> [String] {
        ["add_header Content-Security-Policy \"\(policy)\" always;"]
            + SitePolicy.securityHeaders.map { "add_header \($0.name) \"\($0.value)\" always;" }
            // A shared cache (a proxy on the intranet) must not keep a staff page for others.
            + ["add_header Cache-Control \"\(staffOnly ? "private, " : "")\(cache)\" always;"]
            + (staffOnly ? ["add_header X-Robots-Tag \"\(SitePolicy.staffRobotsTag)\" always;"] : [])
    }

    private var routing: [String] {
        var lines = [
            "location = / {", "    return 302 /handbook/;", "}",
            "# Anything outside the output folders: the compliance report, a README, whatever else is there.",
            "location / {", "    return 404;", "}",
            "# Names that start with a dot, anywhere: the output marker, a build's staging folders.",
            "location ~ \"/\\.\" {", "    return 404;", "}",
            "# The client handbook and the schedule, open to anyone.",
            "location ~ \"^/(?:\(SitePolicy.openFolders.joined(separator: "|")))(?:/|$)\" {",
        ]
        lines += indented(area(SitePolicy.openFolders, staffOnly: false)) + ["}"]
        guard case let .locked(htpasswd, allow, requireBoth) = staff else {
            return lines + ["# The staff manual is not served here, even if it was copied into the folder.",
                            "location ~* \"^/\(SitePolicy.staffFolder)(?:/|$)\" {", "    return 404;", "}"]
        }
        lines += ["# The staff manual, in every language (any spelling of the folder's name): \(staffSummary).",
                  "location ~* \"^/\(SitePolicy.staffFolder)(?:/|$)\" {"]
        var lock: [String] = []
        if htpasswd != nil && !allow.isEmpty { lock.append(requireBoth ? "satisfy all;" : "satisfy any;") }
        lock += allow.map { "allow \($0);" } + (allow.isEmpty ? [] : ["deny all;"])
        if let htpasswd { lock += ["auth_basic \"Staff manual\";", "auth_basic_user_file \"\(htpasswd)\";"] }
        return lines + indented(lock + area([SitePolicy.staffFolder], staffOnly: true)) + ["}"]
    }

    /// The inside of an output folders' location: folders, then each kind of file with its
    /// headers; anything else is not served.
    private func area(_ folders: [String], staffOnly: Bool) -> [String] {
        let others = SitePolicy.servedExtensions.filter { !SitePolicy.fingerprintedExtensions.contains($0) && $0 != "pdf" }
        func location(_ comment: String, _ pattern: String, _ body: [String]) -> [String] {
            ["# " + comment, "location ~* \"\(pattern)\" {"] + indented(body) + ["}"]
        }
        return location("A folder's address without its last slash: to the folder, so that its page's links work.",
                        "^/(?:\(folders.joined(separator: "|")))(?:/[A-Za-z0-9_-]+)*$", ["return 301 $uri/;"])
            + location("A folder: its index.html, never a listing.", "/$",
                       headers(cache: SitePolicy.noCache, staffOnly: staffOnly) + ["try_files ${uri}index.html =404;"])
            + location("Pagefind's index files, named by their content: kept for a year.",
                       "\\.(?:\(SitePolicy.fingerprintedExtensions.joined(separator: "|")))$",
                       headers(cache: SitePolicy.longCache, staffOnly: staffOnly))
            + location("PDFs, for the browser's own viewer.", "\\.pdf$",
                       headers(policy: SitePolicy.pdfContentSecurityPolicy, cache: SitePolicy.noCache, staffOnly: staffOnly))
            + location("Pages and every other kind of file the build writes: checked with the server on each use.",
                       "\\.(?:\(others.joined(separator: "|")))$",
                       headers(cache: SitePolicy.noCache, staffOnly: staffOnly))
            + ["return 404;"]
    }

    private func indented(_ lines: [String]) -> [String] {
        lines.map { $0.isEmpty ? $0 : "    " + $0 }
    }
}
